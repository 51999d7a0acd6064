using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Firmware;

/// <summary>
/// OCTT 1.6 Table 57: the station downloads a firmware image it does not support (built for no model); the
/// installation fails, the station reports InstallationFailed and is Available again with its old firmware.
/// </summary>
public sealed class TC_044_3_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_044_3_CS", "Firmware Update - Installation Failed", "Firmware Management", "OCTT 1.6 §2.18.3")
    {
        Requirements = ["OCPP 1.6 §5.19 UpdateFirmware", "OCPP 1.6 §4.5 FirmwareStatusNotification", "OCPP 1.6 §7.25 FirmwareStatus"],
    };

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var (files, baseUrl) = FileTransfers.Locations(t);
        var location = await files.UnsupportedFirmwareAsync(baseUrl, "lab-firmware-unsupported.bin", t.Cancellation).ConfigureAwait(false);
        await t.SendAsync(V16Calls.UpdateFirmware, new UpdateFirmwareRequest { Location = location, RetrieveDate = t.Time.GetUtcNow() }, "1", "OCPP 1.6 §5.19").ConfigureAwait(false);

        await FileTransfers.FirmwareStatusAsync(t, FirmwareStatus.Downloading, "3", "Report Downloading when the firmware download starts (OCPP 1.6 §4.5, §7.25).").ConfigureAwait(false);
        await FileTransfers.FirmwareStatusAsync(t, FirmwareStatus.Downloaded, "5", "Report Downloaded once the image is downloaded from the given location (OCPP 1.6 §4.5, §7.25).").ConfigureAwait(false);

        // Step 7 (Installing) is optional: the installation may fail at once. Steps 9 (a reboot), 11 and 13 may come in any order.
        var next = await t.ExpectAsync(V16Calls.FirmwareStatusNotification, "7", within: FileTransfers.Transfer(t), requirement: "OCPP 1.6 §4.5").ConfigureAwait(false);
        var failed = next.Request.Status == FirmwareStatus.Installing
            ? await t.ExpectAsync(V16Calls.FirmwareStatusNotification, "11", within: FileTransfers.Transfer(t), requirement: "OCPP 1.6 §4.5").ConfigureAwait(false)
            : next;
        t.Check(failed.Request.Status == FirmwareStatus.InstallationFailed, "11", "FirmwareStatusNotification.req status is InstallationFailed", $"status is {failed.Request.Status}",
            $"Check the downloaded image before installing it and report InstallationFailed when it cannot be installed ({location} is built for no charge point model), keeping the old firmware (OCPP 1.6 §4.5, §7.25).",
            failed.Call, "OCPP 1.6 §4.5");

        // Step 13 (optional): a station that rebooted (step 9), or set its connectors Unavailable for the update,
        // reports each connector Available again.
        var rebooted = await t.MaybeAsync(V16Calls.BootNotification, within: TimeSpan.Zero).ConfigureAwait(false) is not null;
        for (var connector = 1; connector <= t.Model.Connectors; connector++)
        {
            var c = connector;
            if (!rebooted && t.State.StatusOf(c) is nameof(ChargePointStatus.Available) or "Unknown")
            {
                continue;
            }

            await t.ExpectAsync(V16Calls.StatusNotification, "13", s => s.ConnectorId == c && s.Status == ChargePointStatus.Available, FileTransfers.Transfer(t),
                "OCPP 1.6 §4.9: after the failed installation the old firmware runs on and the connector is Available").ConfigureAwait(false);
        }
    }
}
