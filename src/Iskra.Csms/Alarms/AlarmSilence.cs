namespace Iskra.Csms.Alarms;

/// <summary>A station's maintenance window: alarms that open inside it are kept, marked silenced, and not notified.</summary>
public sealed class AlarmSilence
{
    public long Id { get; set; }

    public required string StationId { get; set; }

    public DateTimeOffset From { get; set; }

    public DateTimeOffset Until { get; set; }

    public string? Reason { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
