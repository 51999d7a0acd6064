using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Firmware;

/// <summary>OCTT 1.6 Table 55: the station downloads a firmware image from Iskra, installs it, reboots and reports Installed.</summary>
public sealed class TC_044_1_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_044_1_CS", "Firmware Update - Download and Install", "Firmware Management", "OCTT 1.6 §2.18.1")
    {
        Requirements = ["OCPP 1.6 §5.19 UpdateFirmware", "OCPP 1.6 §4.5 FirmwareStatusNotification", "OCPP 1.6 §4.2 BootNotification"],
    };

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var (files, baseUrl) = FileTransfers.Locations(t);
        var location = await files.FirmwareAsync(baseUrl, "lab-firmware-1.6.44.bin", "lab-1.6.44", t.Cancellation).ConfigureAwait(false);
        await t.SendAsync(V16Calls.UpdateFirmware, new UpdateFirmwareRequest { Location = location, RetrieveDate = t.Time.GetUtcNow() }, "1", "OCPP 1.6 §5.19").ConfigureAwait(false);

        await FileTransfers.FirmwareStatusAsync(t, FirmwareStatus.Downloading, "3", "Report Downloading when the firmware download starts (OCPP 1.6 §4.5, §7.25).").ConfigureAwait(false);
        await FileTransfers.FirmwareStatusAsync(t, FirmwareStatus.Downloaded, "5", "Report Downloaded once the image is downloaded from the given location (OCPP 1.6 §4.5, §7.25).").ConfigureAwait(false);
        await FileTransfers.FirmwareStatusAsync(t, FirmwareStatus.Installing, "7", "Report Installing when the installation starts (OCPP 1.6 §4.5, §7.25).").ConfigureAwait(false);

        // Steps 9, 11 and 13 may come in another order: the boot, each connector Available, and Installed.
        var boot = await t.ExpectAsync(V16Calls.BootNotification, "9", within: FileTransfers.Transfer(t), requirement: "OCPP 1.6 §5.19").ConfigureAwait(false);
        for (var connector = 1; connector <= t.Model.Connectors; connector++)
        {
            var c = connector;
            var status = await t.ExpectAsync(V16Calls.StatusNotification, "11", s => s.ConnectorId == c, requirement: "OCPP 1.6 §4.9").ConfigureAwait(false);
            t.Check(status.Request.Status == ChargePointStatus.Available, "11", $"StatusNotification.req of connector {c} has status Available after the update", $"status is {status.Request.Status}",
                "After the reboot into the new firmware, report each idle connector Available (OCPP 1.6 §4.9, §5.19).", status.Call, "OCPP 1.6 §4.9");
        }

        await FileTransfers.FirmwareStatusAsync(t, FirmwareStatus.Installed, "13", "Report Installed after the new firmware runs (OCPP 1.6 §4.5, §7.25).").ConfigureAwait(false);
        t.Check(boot.Request.FirmwareVersion is not null, "9", "BootNotification.req reports the firmwareVersion now running", "firmwareVersion is absent",
            "Send firmwareVersion in BootNotification.req so the Central System sees which firmware runs after an update (OCPP 1.6 §4.2).", boot.Call, "OCPP 1.6 §4.2");
    }
}
