using System.Globalization;
using Iskra.Csms.Alarms;

namespace Iskra.Server.Api.Alarms;

/// <summary>
/// An alarm as clients see it: what, where, how bad, since when and how often; when it cleared and how long it lasted;
/// who acknowledged it; and <see cref="Frames"/>, the traffic log around it (the frames that raised it).
/// </summary>
public sealed record AlarmView(
    long Id, string StationId, int? EvseId, int? ConnectorId, string Kind, string Severity, string Source, string Code, string Message,
    DateTimeOffset OpenedAt, DateTimeOffset LastSeenAt, int Count, DateTimeOffset? ClearedAt, long? DurationSeconds, bool Silenced,
    DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy, string? Note, string Frames)
{
    /// <summary>How far before the alarm opened the frames link starts: the raising frame is stored a moment earlier.</summary>
    private static readonly TimeSpan FramesLead = TimeSpan.FromMinutes(1);

    public static AlarmView From(Alarm alarm)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        var duration = alarm.ClearedAt is { } cleared ? (long?)(cleared - alarm.OpenedAt).TotalSeconds : null;
        var from = (alarm.OpenedAt - FramesLead).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var to = (alarm.LastSeenAt + TimeSpan.FromSeconds(1)).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var frames = $"/api/stations/{Uri.EscapeDataString(alarm.StationId)}/messages?from={from}&to={to}";
        return new(alarm.Id, alarm.StationId, alarm.EvseId, alarm.ConnectorId, alarm.Kind, alarm.Severity, alarm.Source, alarm.Code, alarm.Message,
            alarm.OpenedAt, alarm.LastSeenAt, alarm.Count, alarm.ClearedAt, duration, alarm.Silenced, alarm.AcknowledgedAt, alarm.AcknowledgedBy, alarm.Note, frames);
    }
}
