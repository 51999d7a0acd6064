namespace Iskra.Csms.Stations;

/// <summary>What a BootNotification of either version says about the station.</summary>
public sealed record BootInfo(
    string Vendor,
    string Model,
    string? SerialNumber,
    string? FirmwareVersion,
    string? ChargeBoxSerialNumber,
    string? Iccid,
    string? Imsi,
    string? MeterType,
    string? MeterSerialNumber,
    string? Reason);
