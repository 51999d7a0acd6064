namespace Iskra.Csms.Traffic;

/// <summary>One OCPP-J frame in or out of a station, verbatim.</summary>
public sealed class TrafficEntry
{
    public long Id { get; set; }

    public required string StationId { get; set; }

    public DateTimeOffset Timestamp { get; set; }

    /// <summary>True for frames the station sent us.</summary>
    public bool Incoming { get; set; }

    public required string Frame { get; set; }
}
