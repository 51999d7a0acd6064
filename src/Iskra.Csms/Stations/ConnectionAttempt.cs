namespace Iskra.Csms.Stations;

/// <summary>A refused WebSocket handshake, so the operator sees failed connections.</summary>
public sealed class ConnectionAttempt
{
    public long Id { get; set; }

    public DateTimeOffset Timestamp { get; set; }

    public string? RemoteAddress { get; set; }

    /// <summary>The station id as given, escaped and truncated; never the raw bytes.</summary>
    public string? StationId { get; set; }

    public RefusalReason Reason { get; set; }
}
