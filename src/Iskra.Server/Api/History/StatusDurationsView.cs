using Iskra.Csms.History;

namespace Iskra.Server.Api.History;

/// <summary>A station's connectors' time per status over <c>[from, to)</c> (to cut at the time of the read).</summary>
public sealed record StatusDurationsView(string StationId, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<ConnectorDurationsView> Connectors)
{
    public static StatusDurationsView Of(StationTimelines timelines)
    {
        ArgumentNullException.ThrowIfNull(timelines);
        return new(timelines.StationId, timelines.Period.Start, timelines.Period.End, [.. timelines.Connectors.Select(ConnectorDurationsView.From)]);
    }
}
