using Iskra.Csms.History;

namespace Iskra.Server.Api.History;

/// <summary>One connector's availability over the period: seconds measured and available, the uptime percentage and its outages.</summary>
public sealed record ConnectorAvailabilityView(
    int EvseId, int ConnectorId, double MeasuredSeconds, double AvailableSeconds, double? UptimePercent, IReadOnlyList<OutageView> Outages)
{
    public static ConnectorAvailabilityView From(ConnectorTimeline connector, Availability availability)
    {
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(availability);
        return new(connector.EvseId, connector.ConnectorId, availability.Measured.TotalSeconds, availability.Available.TotalSeconds,
            availability.UptimePercent, [.. availability.Outages.Select(OutageView.From)]);
    }
}
