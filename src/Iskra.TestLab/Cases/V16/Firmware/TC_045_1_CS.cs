using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Firmware;

/// <summary>OCTT 1.6 Table 58: the station uploads its diagnostics to Iskra's upload location and reports Uploading, then Uploaded.</summary>
public sealed class TC_045_1_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_045_1_CS", "Get Diagnostics", "Firmware Management", "OCTT 1.6 §2.19.1")
    {
        Requirements = ["OCPP 1.6 §5.9 GetDiagnostics", "OCPP 1.6 §4.4 DiagnosticsStatusNotification"],
    };

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var (files, baseUrl) = FileTransfers.Locations(t);
        var (uploadId, location) = await files.UploadAsync(baseUrl, t.StationId, t.Cancellation).ConfigureAwait(false);
        await t.SendAsync(V16Calls.GetDiagnostics, new GetDiagnosticsRequest { Location = location }, "1", "OCPP 1.6 §5.9").ConfigureAwait(false);
        await FileTransfers.DiagnosticsStatusAsync(t, DiagnosticsStatus.Uploading, "3", "Report Uploading when the diagnostics upload starts (OCPP 1.6 §4.4, §7.24).").ConfigureAwait(false);
        await FileTransfers.DiagnosticsStatusAsync(t, DiagnosticsStatus.Uploaded, "5", "Report Uploaded once the diagnostics file is uploaded to the given location (OCPP 1.6 §4.4, §7.24).").ConfigureAwait(false);
        var size = await files.ReceivedAsync(uploadId, t.Cancellation).ConfigureAwait(false);
        t.Check(size is > 0, "5", "The diagnostics file arrived at the location of step 1", size is null ? "no file arrived at the location" : "an empty file arrived",
            $"Upload the diagnostics file to the location given in GetDiagnostics.req (a directory, OCPP 1.6 §6.25; here {location}) before reporting Uploaded.", requirement: "OCPP 1.6 §5.9");
    }
}
