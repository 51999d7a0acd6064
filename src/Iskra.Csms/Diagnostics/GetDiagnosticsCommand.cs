using System.Text.Json;
using Iskra.Csms.Files;
using Iskra.Csms.RemoteControl;
using Iskra.Ocpp;
using Ocpp16 = Iskra.Ocpp.V16.Messages;
using Ocpp201 = Iskra.Ocpp.V201.Messages;
using V16Calls = Iskra.Ocpp.V16.Messages.V16Calls;
using V201Calls = Iskra.Ocpp.V201.Messages.V201Calls;

namespace Iskra.Csms.Diagnostics;

/// <summary>
/// <c>get-diagnostics {location?, retries?, retryInterval?, startTime?, stopTime?, logType?}</c> →
/// 1.6 GetDiagnostics (§5.9); 2.0.1 GetLog (N01) with an allocated requestId. Without a location the
/// station is handed a new upload URL of Iskra (docs/files.md). Each call is an <see cref="UploadRequest"/>.
/// </summary>
public sealed class GetDiagnosticsCommand(UploadService uploads, FileLinks links) : StationCommand
{
    public override string Name => "get-diagnostics";

    public override IReadOnlyList<string> Fields { get; } = ["location", "retries", "retryInterval", "startTime", "stopTime", "logType"];

    public override async ValueTask<CommandCall> BuildAsync(CommandContext context, CommandBody body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(body);
        var location = body.OptionalString("location");
        var retries = body.OptionalInt("retries");
        var retryInterval = body.OptionalInt("retryInterval");
        var startTime = body.OptionalDateTime("startTime");
        var stopTime = body.OptionalDateTime("stopTime");
        var logType = body.OptionalEnum("logType", "DiagnosticsLog", "SecurityLog");
        if (location is not null && !Uri.TryCreate(location, UriKind.Absolute, out _))
        {
            throw CommandException.Invalid("$.location", "must be an absolute URI");
        }

        if (context.Version == OcppVersion.V201 && location is { Length: > 512 })
        {
            throw CommandException.Invalid("$.location", "must be at most 512 characters on OCPP 2.0.1"); // LogParametersType.remoteLocation
        }

        if (context.Version == OcppVersion.V16 && logType == "SecurityLog")
        {
            throw CommandException.NotOnVersion(Name + " {logType: SecurityLog}", "1.6", "Use the raw call GetLog of the 1.6 security extension.");
        }

        var baseUrl = location is null
            ? links.BaseUrl() ?? throw CommandException.NotConfigured(FileLinks.NoBaseUrl)
            : "";
        var v16 = context.Version == OcppVersion.V16;
        var request = await uploads.CreateAsync(
            context.StationId, v16 ? UploadService.Diagnostics : UploadService.Log, v16 ? null : logType ?? "DiagnosticsLog",
            location, baseUrl, context.Caller.Actor, cancellationToken).ConfigureAwait(false);

        if (v16)
        {
            return CommandCall.Of(V16Calls.GetDiagnostics, new Ocpp16.GetDiagnosticsRequest
            {
                Location = request.Location,
                Retries = retries,
                RetryInterval = retryInterval,
                StartTime = startTime,
                StopTime = stopTime,
            }, request, new CommandIds(UploadRequestId: request.Id));
        }

        return CommandCall.Of(V201Calls.GetLog, new Ocpp201.GetLogRequest
        {
            LogType = CommandJson.Enum(request.LogType!, Ocpp201.V201JsonContext.Default.LogEnumType, "$.logType"),
            RequestId = request.RequestId!.Value,
            Log = new Ocpp201.LogParametersType { RemoteLocation = request.Location, OldestTimestamp = startTime, LatestTimestamp = stopTime },
            Retries = retries,
            RetryInterval = retryInterval,
        }, request, new CommandIds(RequestId: request.RequestId, UploadRequestId: request.Id));
    }

    /// <summary>1.6 GetDiagnostics.conf has no status: a file name means Accepted, none means NoFile (§5.9: no diagnostics available).</summary>
    public override string StatusOf(CommandCall sent, JsonElement response)
    {
        ArgumentNullException.ThrowIfNull(sent);
        return sent.Action == "GetDiagnostics"
            ? string.IsNullOrEmpty(FileNameOf(response)) ? "NoFile" : "Accepted"
            : base.StatusOf(sent, response);
    }

    public override async ValueTask ApplyAsync(CommandContext context, CommandCall sent, CommandOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sent);
        ArgumentNullException.ThrowIfNull(outcome);
        var request = (UploadRequest)sent.State!;
        await uploads.AnsweredAsync(request.Id, outcome.Status, FileNameOf(outcome.Response), cancellationToken).ConfigureAwait(false);
    }

    public override async ValueTask FailedAsync(CommandContext context, CommandCall sent, string outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sent);
        await uploads.FailedAsync(((UploadRequest)sent.State!).Id, outcome, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>1.6 <c>fileName</c>, 2.0.1 <c>filename</c>.</summary>
    private static string? FileNameOf(JsonElement response)
    {
        if (response.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return (response.TryGetProperty("fileName", out var name) || response.TryGetProperty("filename", out name)) && name.ValueKind == JsonValueKind.String
            ? name.GetString()
            : null;
    }
}
