namespace Iskra.Csms.Firmware;

/// <summary>One status of a <see cref="FirmwareUpdate"/> and when Iskra learned it.</summary>
public sealed class FirmwareUpdateStatus
{
    public long Id { get; set; }

    public long FirmwareUpdateId { get; set; }

    public required string Status { get; set; }

    public DateTimeOffset At { get; set; }
}
