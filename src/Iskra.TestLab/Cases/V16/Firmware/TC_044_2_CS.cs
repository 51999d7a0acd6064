using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Files;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Firmware;

/// <summary>OCTT 1.6 Table 56: the firmware download fails (the location answers 404); the station reports DownloadFailed.</summary>
public sealed class TC_044_2_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_044_2_CS", "Firmware Update - Download Failed", "Firmware Management", "OCTT 1.6 §2.18.2")
    {
        Requirements = ["OCPP 1.6 §5.19 UpdateFirmware", "OCPP 1.6 §4.5 FirmwareStatusNotification"],
    };

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var (_, baseUrl) = FileTransfers.Locations(t);
        var location = LabFiles.MissingFirmware(baseUrl, "download_fail.fwi");
        await t.SendAsync(V16Calls.UpdateFirmware, new UpdateFirmwareRequest { Location = location, RetrieveDate = t.Time.GetUtcNow(), Retries = 0 }, "1", "OCPP 1.6 §5.19").ConfigureAwait(false);

        // Step 3 (Downloading) is optional: the download may fail at once.
        var first = await t.ExpectAsync(V16Calls.FirmwareStatusNotification, "3", within: FileTransfers.Transfer(t), requirement: "OCPP 1.6 §4.5").ConfigureAwait(false);
        var failed = first.Request.Status == FirmwareStatus.Downloading
            ? await t.ExpectAsync(V16Calls.FirmwareStatusNotification, "5", within: FileTransfers.Transfer(t), requirement: "OCPP 1.6 §4.5").ConfigureAwait(false)
            : first;
        t.Check(failed.Request.Status == FirmwareStatus.DownloadFailed, "5", "FirmwareStatusNotification.req status is DownloadFailed", $"status is {failed.Request.Status}",
            $"Report DownloadFailed when the firmware cannot be downloaded ({location} answers 404) and keep the old firmware (OCPP 1.6 §4.5, §7.25).", failed.Call, "OCPP 1.6 §4.5");
    }
}
