namespace Iskra.Csms.Alarms;

/// <summary>
/// A condition that needs an operator: one open alarm per station, connector and <see cref="Kind"/>. A repeat
/// raises <see cref="Count"/> and <see cref="LastSeenAt"/>; the alarm clears by itself (<see cref="ClearedAt"/>)
/// when the condition is gone, and is kept as history.
/// </summary>
public sealed class Alarm
{
    public const int MessageLength = 1000;

    public long Id { get; set; }

    public required string StationId { get; set; }

    public int? EvseId { get; set; }

    public int? ConnectorId { get; set; }

    /// <summary>The rule that raised it, in PascalCase (<see cref="AlarmKinds"/>).</summary>
    public required string Kind { get; set; }

    /// <summary>Critical, Major, Minor or Warning (<see cref="AlarmSeverity"/>).</summary>
    public required string Severity { get; set; }

    /// <summary>Where it came from: the station's action (StatusNotification, NotifyEvent, …) or <c>Iskra</c>.</summary>
    public required string Source { get; set; }

    /// <summary>The station's error code or event type verbatim, or the kind for Iskra's own findings.</summary>
    public required string Code { get; set; }

    /// <summary>A sentence for a person: "CP-017 connector 2 reports GroundFailure since 14:02".</summary>
    public required string Message { get; set; }

    public DateTimeOffset OpenedAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }

    /// <summary>How many times the condition was reported while the alarm was open (1 when opened).</summary>
    public int Count { get; set; }

    public DateTimeOffset? ClearedAt { get; set; }

    /// <summary>Opened while the station was in a maintenance window: kept, never notified.</summary>
    public bool Silenced { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }

    public string? AcknowledgedBy { get; set; }

    /// <summary>The operator's note (free text).</summary>
    public string? Note { get; set; }
}
