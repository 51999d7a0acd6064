namespace Iskra.Csms.Events;

/// <summary>The body of <c>alarm.acknowledged</c>: the alarm, and who acknowledged it when.</summary>
public sealed record AlarmAcknowledgedData(long Id, string Kind, string Code, string? AcknowledgedBy, DateTimeOffset AcknowledgedAt);
