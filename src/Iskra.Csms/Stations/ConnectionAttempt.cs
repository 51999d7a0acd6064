namespace Iskra.Csms.Stations;

/// <summary>
/// Refused WebSocket handshakes, so the operator sees failed connections. Repeats are aggregated:
/// one row per (minute, address, station id, reason) with a count and the first and last time
/// (<see cref="ConnectionAttemptLog"/>), so a flood of refusals costs bounded space.
/// </summary>
public sealed class ConnectionAttempt
{
    public long Id { get; set; }

    /// <summary>The time of the last refusal this row counts.</summary>
    public DateTimeOffset Timestamp { get; set; }

    /// <summary>The time of the first refusal this row counts.</summary>
    public DateTimeOffset FirstSeen { get; set; }

    /// <summary>How many refusals this row counts (at least 1).</summary>
    public int Count { get; set; } = 1;

    /// <summary>The peer address; null on a row that sums refusals over the per-minute row cap.</summary>
    public string? RemoteAddress { get; set; }

    /// <summary>The station id as given, escaped and truncated; never the raw bytes. Null on a row over the cap.</summary>
    public string? StationId { get; set; }

    public RefusalReason Reason { get; set; }
}
