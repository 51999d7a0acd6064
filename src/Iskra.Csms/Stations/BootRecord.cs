namespace Iskra.Csms.Stations;

/// <summary>One BootNotification as it arrived: the station's boot history (firmware versions over time).</summary>
public sealed class BootRecord
{
    public long Id { get; set; }

    public required string StationId { get; set; }

    public DateTimeOffset BootedAt { get; set; }

    public string? Reason { get; set; }

    public required string Vendor { get; set; }

    public required string Model { get; set; }

    public string? SerialNumber { get; set; }

    public string? FirmwareVersion { get; set; }

    /// <summary>The operator's registration status when the station booted (the catalog may still have refused the boot).</summary>
    public required string RegistrationStatus { get; set; }
}
