using Iskra.Csms.History;

namespace Iskra.Server.Api.History;

/// <summary>
/// A time a connector or station could not charge: <c>cause</c> is the first of <c>causes</c> (StationOffline, StationFaulted,
/// StationUnavailable, ConnectorFaulted, ConnectorUnavailable); <c>ongoing</c> when it lasts to the period's end.
/// </summary>
public sealed record OutageView(DateTimeOffset Start, DateTimeOffset End, double Seconds, string Cause, IReadOnlyList<string> Causes, bool Ongoing)
{
    public static OutageView From(Outage outage)
    {
        ArgumentNullException.ThrowIfNull(outage);
        return new(outage.Start, outage.End, outage.Duration.TotalSeconds, outage.Causes.Count > 0 ? outage.Causes[0] : "", outage.Causes, outage.Ongoing);
    }
}
