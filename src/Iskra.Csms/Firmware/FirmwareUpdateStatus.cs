namespace Iskra.Csms.Firmware;

/// <summary>
/// One status of a <see cref="FirmwareUpdate"/> and when it happened. The history reads in the order of
/// <see cref="At"/>, and at the same time Iskra's own entries (sent, the answer) before the station's reports.
/// </summary>
public sealed class FirmwareUpdateStatus
{
    public long Id { get; set; }

    public long FirmwareUpdateId { get; set; }

    public required string Status { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The station reported it in a FirmwareStatusNotification (not Iskra's request or the station's answer).</summary>
    public bool Reported { get; set; }
}
