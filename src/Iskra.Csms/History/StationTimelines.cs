namespace Iskra.Csms.History;

/// <summary>
/// A station's connectors over <see cref="Period"/> (its end no later than the time it was read), and the times within it
/// the station was offline as far as Iskra can tell.
/// </summary>
public sealed record StationTimelines(string StationId, TimeRange Period, IReadOnlyList<TimeRange> Offline, IReadOnlyList<ConnectorTimeline> Connectors)
{
    /// <summary>The station's availability and each connector's (connector 0 left out: it is the station).</summary>
    public (Availability Station, IReadOnlyList<(ConnectorTimeline Connector, Availability Availability)> Connectors) Availability()
    {
        var chargers = Connectors.Where(c => !c.IsStation).ToList();
        var each = chargers.Select(c => (c, AvailabilityCalculator.ForConnector(c.Segments))).ToList();
        return (AvailabilityCalculator.ForStation([.. chargers.Select(c => c.Segments)], Period, Offline), each);
    }
}
