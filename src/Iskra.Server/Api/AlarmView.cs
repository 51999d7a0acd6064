using Iskra.Csms.Alarms;

namespace Iskra.Server.Api;

/// <summary>A fault a station reported, and who acknowledged it when.</summary>
public sealed record AlarmView(
    long Id, string StationId, int? EvseId, int? ConnectorId, string Source, string Code, string? Message,
    DateTimeOffset RaisedAt, bool Acknowledged, DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy)
{
    public static AlarmView From(Alarm alarm)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        return new(alarm.Id, alarm.StationId, alarm.EvseId, alarm.ConnectorId, alarm.Source, alarm.Code, alarm.Message,
            alarm.RaisedAt, alarm.AcknowledgedAt is not null, alarm.AcknowledgedAt, alarm.AcknowledgedBy);
    }
}
