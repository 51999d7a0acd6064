using System.Text.Json;
using Iskra.Csms.RemoteControl;
using Iskra.Ocpp;
using Ocpp16 = Iskra.Ocpp.V16.Messages;
using Ocpp201 = Iskra.Ocpp.V201.Messages;
using V16Calls = Iskra.Ocpp.V16.Messages.V16Calls;
using V201Calls = Iskra.Ocpp.V201.Messages.V201Calls;

namespace Iskra.Csms.Authorization;

/// <summary>
/// <c>get-local-list-version</c> → GetLocalListVersion on both versions (1.6 §5.10, D02). The answer
/// (1.6 listVersion, 2.0.1 versionNumber) has no status, so it is reported Accepted; the version is stored.
/// </summary>
public sealed class GetLocalListVersionCommand(LocalListService lists) : StationCommand
{
    public override string Name => "get-local-list-version";

    public override IReadOnlyList<string> Fields { get; } = [];

    public override ValueTask<CommandCall> BuildAsync(CommandContext context, CommandBody body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult(context.Version == OcppVersion.V16
            ? CommandCall.Of(V16Calls.GetLocalListVersion, new Ocpp16.GetLocalListVersionRequest())
            : CommandCall.Of(V201Calls.GetLocalListVersion, new Ocpp201.GetLocalListVersionRequest()));
    }

    public override async ValueTask ApplyAsync(CommandContext context, CommandCall sent, CommandOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(outcome);
        var field = context.Version == OcppVersion.V16 ? "listVersion" : "versionNumber";
        if (outcome.Response.ValueKind == JsonValueKind.Object && outcome.Response.TryGetProperty(field, out var value)
            && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var version))
        {
            await lists.ReportedAsync(context.StationId, version, cancellationToken).ConfigureAwait(false);
        }
    }
}
