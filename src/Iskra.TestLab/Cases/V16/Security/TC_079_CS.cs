using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Security;

/// <summary>OCTT 1.6 Table 95: the station uploads its security log to an upload location on Iskra and reports Uploading, then Uploaded.</summary>
public sealed class TC_079_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_079_CS", "Get Security Log", "Security (1.6 security whitepaper)", "OCTT 1.6 §2.24.2")
    {
        Requirements = ["OCPP 1.6 security N01 Retrieve Log Information", "OCPP 1.6 security N01.FR.03 security log", "OCPP 1.6 security N01.FR.12 requestId"],
    };

    public override string? NotApplicableTo(Declared model) => Certificates.NeedsProfile(model, this, 1, 2, 3);

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var (files, baseUrl) = FileTransfers.Locations(t);
        var (uploadId, requestId, location) = await files.LogUploadAsync(baseUrl, t.StationId, nameof(LogEnumType.SecurityLog), t.Cancellation).ConfigureAwait(false);
        var answer = await t.SendAsync(V16Calls.GetLog, new GetLogRequest
        {
            LogType = LogEnumType.SecurityLog,
            RequestId = requestId,
            Log = new LogParametersType { RemoteLocation = location },
        }, "1", "OCPP 1.6 security N01 GetLog").ConfigureAwait(false);
        t.Require(answer.Status == LogStatusEnumType.Accepted, "2", "GetLog.conf status is Accepted", $"status is {answer.Status}",
            "Accept a GetLog.req for the SecurityLog and start uploading it to log.remoteLocation (1.6 security N01.FR.01-03).", requirement: "OCPP 1.6 security N01.FR.01");

        await LogStatusAsync(t, requestId, UploadLogStatusEnumType.Uploading, "3",
            "Send LogStatusNotification.req status Uploading when the upload of the security log starts (1.6 security N01.FR.08).").ConfigureAwait(false);
        await LogStatusAsync(t, requestId, UploadLogStatusEnumType.Uploaded, "5",
            "Send LogStatusNotification.req status Uploaded once the security log is uploaded (1.6 security N01.FR.09).").ConfigureAwait(false);
        var size = await files.ReceivedAsync(uploadId, t.Cancellation).ConfigureAwait(false);
        t.Check(size is > 0, "5", "The security log arrived at the log.remoteLocation of step 1", size is null ? "no file arrived at the location" : "an empty file arrived",
            $"Upload the security log as one file to log.remoteLocation (1.6 security N01.FR.02/03; here {location}, a directory URL: HTTP PUT of the file name, or a multipart POST) before reporting Uploaded.",
            requirement: "OCPP 1.6 security N01.FR.02");
    }

    /// <summary>The next LogStatusNotification.req, checked for its status and the requestId of the GetLog.req.</summary>
    private static async Task LogStatusAsync(CaseContext t, int requestId, UploadLogStatusEnumType expected, string step, string fix)
    {
        var status = await t.ExpectAsync(V16Calls.LogStatusNotification, step, within: FileTransfers.Transfer(t), requirement: "OCPP 1.6 security N01 LogStatusNotification").ConfigureAwait(false);
        t.Require(status.Request.Status == expected, step, $"LogStatusNotification.req status is {expected}", $"status is {status.Request.Status}", fix, status.Call, "OCPP 1.6 security N01");
        t.Check(status.Request.RequestId == requestId, step, $"LogStatusNotification.req carries requestId {requestId} of the GetLog.req",
            status.Request.RequestId is { } other ? $"requestId is {other}" : "requestId is absent",
            "Put the requestId of the GetLog.req in every LogStatusNotification.req of that upload (1.6 security N01.FR.07, N01.FR.12: mandatory unless status is Idle).",
            status.Call, "OCPP 1.6 security N01.FR.12");
    }
}
