using Iskra.Csms.History;

namespace Iskra.Server.Api.History;

/// <summary>
/// A station's availability over <c>[from, to)</c> (to cut at the time of the read): the station is available while any
/// connector is (docs/history.md); its outages, and each connector's.
/// </summary>
public sealed record AvailabilityView(
    string StationId, DateTimeOffset From, DateTimeOffset To, double MeasuredSeconds, double AvailableSeconds, double? UptimePercent,
    IReadOnlyList<OutageView> Outages, IReadOnlyList<ConnectorAvailabilityView> Connectors)
{
    public static AvailabilityView Of(StationTimelines timelines)
    {
        ArgumentNullException.ThrowIfNull(timelines);
        var (station, connectors) = timelines.Availability();
        return new(timelines.StationId, timelines.Period.Start, timelines.Period.End, station.Measured.TotalSeconds, station.Available.TotalSeconds,
            station.UptimePercent, [.. station.Outages.Select(OutageView.From)], [.. connectors.Select(c => ConnectorAvailabilityView.From(c.Connector, c.Availability))]);
    }
}
