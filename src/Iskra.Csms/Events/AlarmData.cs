namespace Iskra.Csms.Events;

/// <summary>The body of <c>alarm.raised</c> and <c>alarm.cleared</c>: the stored alarm as it is after the change.</summary>
public sealed record AlarmData(
    long Id, string StationId, int? EvseId, int? ConnectorId, string Kind, string Severity, string Source, string Code, string Message,
    DateTimeOffset OpenedAt, DateTimeOffset LastSeenAt, int Count, DateTimeOffset? ClearedAt, bool Silenced)
{
    public static AlarmData Of(Alarms.Alarm alarm)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        return new(alarm.Id, alarm.StationId, alarm.EvseId, alarm.ConnectorId, alarm.Kind, alarm.Severity, alarm.Source, alarm.Code, alarm.Message,
            alarm.OpenedAt, alarm.LastSeenAt, alarm.Count, alarm.ClearedAt, alarm.Silenced);
    }
}
