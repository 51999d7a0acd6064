using Iskra.Csms.History;

namespace Iskra.Server.Api.History;

/// <summary>
/// One connector's time per status within the period, longest first (<c>Offline</c> while the station was; <c>Unknown</c>
/// before its first status), and its status at the period's end (<c>Offline</c> when the station was).
/// </summary>
public sealed record ConnectorDurationsView(int EvseId, int ConnectorId, string? StatusAtEnd, IReadOnlyList<StatusDurationView> Durations)
{
    public static ConnectorDurationsView From(ConnectorTimeline connector)
    {
        ArgumentNullException.ThrowIfNull(connector);
        return new(connector.EvseId, connector.ConnectorId, connector.Segments.Count == 0 ? null : connector.Segments[^1] is { Offline: true } ? StatusTimeline.Offline : connector.Segments[^1].Status,
            [.. StatusTimeline.Durations(connector.Segments).Select(StatusDurationView.From)]);
    }
}
