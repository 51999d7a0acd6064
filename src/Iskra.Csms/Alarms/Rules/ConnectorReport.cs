namespace Iskra.Csms.Alarms.Rules;

/// <summary>What a StatusNotification of either version says about a connector's health.</summary>
public readonly record struct ConnectorReport(
    int EvseId, int ConnectorId, string Status, string? ErrorCode, string? Info, string? VendorId, string? VendorErrorCode);
