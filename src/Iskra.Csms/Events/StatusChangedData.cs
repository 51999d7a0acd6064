namespace Iskra.Csms.Events;

/// <summary>
/// The body of <c>station.status</c>: one StatusNotification as stored. 1.6: <see cref="EvseId"/> equals
/// <see cref="ConnectorId"/> and connector 0 is the station itself; 2.0.1 has no error code.
/// </summary>
public sealed record StatusChangedData(int ConnectorId, int EvseId, string Status, string? ErrorCode, string? Info, DateTimeOffset Timestamp);
