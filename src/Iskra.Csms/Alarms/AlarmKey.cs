namespace Iskra.Csms.Alarms;

/// <summary>What makes an alarm the same alarm: at most one is open per key.</summary>
public readonly record struct AlarmKey(string StationId, int? EvseId, int? ConnectorId, string Kind)
{
    /// <summary>A station-wide alarm of <paramref name="kind"/>.</summary>
    public static AlarmKey Station(string stationId, string kind) => new(stationId, null, null, kind);
}
