using System.Text.Json;
using System.Text.Json.Nodes;
using Iskra.Csms.RemoteControl;
using Iskra.Ocpp;

namespace Iskra.Csms.Authorization;

/// <summary>
/// <c>get-local-list-version</c> → GetLocalListVersion on both versions (1.6 §5.10, D02). The answer
/// (1.6 listVersion, 2.0.1 versionNumber) has no status, so it is reported Accepted; the version is stored.
/// </summary>
public sealed class GetLocalListVersionCommand(LocalListService lists) : StationCommand
{
    public override string Name => "get-local-list-version";

    public override IReadOnlyList<string> Fields { get; } = [];

    public override ValueTask<CommandCall> BuildAsync(CommandContext context, CommandBody body, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new CommandCall("GetLocalListVersion", []));

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
