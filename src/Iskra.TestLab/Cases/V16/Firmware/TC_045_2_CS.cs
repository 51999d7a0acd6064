using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Files;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Firmware;

/// <summary>OCTT 1.6 Table 59: the diagnostics upload fails (the location answers 404); the station reports UploadFailed.</summary>
public sealed class TC_045_2_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_045_2_CS", "Get Diagnostics - Upload Failed", "Firmware Management", "OCTT 1.6 §2.19.2")
    {
        Requirements = ["OCPP 1.6 §5.9 GetDiagnostics", "OCPP 1.6 §4.4 DiagnosticsStatusNotification"],
    };

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var (_, baseUrl) = FileTransfers.Locations(t);
        var location = LabFiles.MissingUpload(baseUrl);
        await t.SendAsync(V16Calls.GetDiagnostics, new GetDiagnosticsRequest { Location = location, Retries = 0 }, "1", "OCPP 1.6 §5.9").ConfigureAwait(false);
        await FileTransfers.DiagnosticsStatusAsync(t, DiagnosticsStatus.Uploading, "3", "Report Uploading when the diagnostics upload starts (OCPP 1.6 §4.4, §7.24).").ConfigureAwait(false);
        await FileTransfers.DiagnosticsStatusAsync(t, DiagnosticsStatus.UploadFailed, "5", $"Report UploadFailed when the upload to the location fails ({location} answers 404) (OCPP 1.6 §4.4, §7.24).").ConfigureAwait(false);
    }
}
