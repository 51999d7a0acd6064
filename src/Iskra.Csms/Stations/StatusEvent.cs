namespace Iskra.Csms.Stations;

/// <summary>One StatusNotification as received: the history behind <see cref="Connector"/>.</summary>
public sealed class StatusEvent
{
    public long Id { get; set; }

    public required string StationId { get; set; }

    public int EvseId { get; set; }

    public int ConnectorId { get; set; }

    public required string Status { get; set; }

    public string? ErrorCode { get; set; }

    public string? Info { get; set; }

    public string? VendorId { get; set; }

    public string? VendorErrorCode { get; set; }

    /// <summary>The station's timestamp (the time of receipt when it sent none).</summary>
    public DateTimeOffset Timestamp { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }
}
