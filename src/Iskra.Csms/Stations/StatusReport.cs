namespace Iskra.Csms.Stations;

/// <summary>A StatusNotification of either version. 2.0.1 has no error code: a Faulted status stands for one.</summary>
public sealed record StatusReport(
    int EvseId,
    int ConnectorId,
    string Status,
    string? ErrorCode,
    string? Info,
    string? VendorId,
    string? VendorErrorCode,
    DateTimeOffset? Timestamp);
