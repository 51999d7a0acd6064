namespace Iskra.Csms.Reports;

/// <summary>
/// A station message kept as history with its request id and status: firmware, diagnostics and log
/// status notifications, security events, reservation updates, charging limits, EV charging needs,
/// data transfers, customer information, certificate requests. The payload is kept verbatim as JSON.
/// </summary>
public sealed class StationNotice
{
    public long Id { get; set; }

    public required string StationId { get; set; }

    /// <summary>The OCPP action, e.g. FirmwareStatusNotification.</summary>
    public required string Action { get; set; }

    public int? RequestId { get; set; }

    /// <summary>The status or type the message carries (e.g. Downloading, a security event type).</summary>
    public string? Status { get; set; }

    public DateTimeOffset? Timestamp { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public required string Payload { get; set; }
}
