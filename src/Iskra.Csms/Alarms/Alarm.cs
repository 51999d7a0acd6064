namespace Iskra.Csms.Alarms;

/// <summary>A fault reported by a station (an errorCode other than NoError, a problem event) for the operator to acknowledge.</summary>
public sealed class Alarm
{
    public long Id { get; set; }

    public required string StationId { get; set; }

    public int? EvseId { get; set; }

    public int? ConnectorId { get; set; }

    /// <summary>Where it came from: StatusNotification, NotifyEvent, SecurityEventNotification.</summary>
    public required string Source { get; set; }

    /// <summary>The station's error code or event type, verbatim.</summary>
    public required string Code { get; set; }

    public string? Message { get; set; }

    public DateTimeOffset RaisedAt { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }

    public string? AcknowledgedBy { get; set; }
}
