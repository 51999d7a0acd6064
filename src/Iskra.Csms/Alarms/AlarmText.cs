using System.Globalization;

namespace Iskra.Csms.Alarms;

/// <summary>The parts of an alarm's sentence: where ("CP-017 connector 2") and when ("2026-12-07 14:02 UTC").</summary>
public static class AlarmText
{
    /// <summary>The station, or its connector: "CP-017", "CP-017 connector 2", "CP-017 EVSE 1 connector 2".</summary>
    public static string Place(string stationId, int? evseId, int? connectorId) => (evseId, connectorId) switch
    {
        (_, null or 0) when evseId is null or 0 => stationId,
        (_, null) => $"{stationId} EVSE {evseId}",
        ({ } e, { } c) when e != c => $"{stationId} EVSE {e} connector {c}",
        (_, { } c) => $"{stationId} connector {c}",
    };

    /// <summary>The place of <paramref name="key"/>.</summary>
    public static string Place(AlarmKey key) => Place(key.StationId, key.EvseId, key.ConnectorId);

    /// <summary>A moment in UTC to the minute.</summary>
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>A duration in words a person reads at a glance: "45 s", "12 min", "3 h 5 min", "2 d 4 h".</summary>
    public static string Duration(TimeSpan span) => span switch
    {
        { TotalSeconds: < 90 } => $"{(int)span.TotalSeconds} s",
        { TotalMinutes: < 90 } => $"{(int)span.TotalMinutes} min",
        { TotalHours: < 48 } => $"{(int)span.TotalHours} h {span.Minutes} min",
        _ => $"{(int)span.TotalDays} d {span.Hours} h",
    };
}
