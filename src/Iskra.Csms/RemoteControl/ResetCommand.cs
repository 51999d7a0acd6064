using System.Text.Json.Nodes;
using Iskra.Ocpp;

namespace Iskra.Csms.RemoteControl;

/// <summary><c>reset {type: Soft|Hard}</c> → 1.6 Reset Soft/Hard; 2.0.1 Reset OnIdle/Immediate (B11, B12).</summary>
public sealed class ResetCommand : StationCommand
{
    public override string Name => "reset";

    public override IReadOnlyList<string> Fields { get; } = ["type", "connectorId"];

    public override ValueTask<CommandCall> BuildAsync(CommandContext context, CommandBody body, CancellationToken cancellationToken)
    {
        var type = body.RequiredEnum("type", "Soft", "Hard");
        var payload = context.Version == OcppVersion.V16
            ? new JsonObject { ["type"] = type }
            : new JsonObject { ["type"] = type == "Soft" ? "OnIdle" : "Immediate" };
        if (context.Version == OcppVersion.V201 && body.OptionalInt("connectorId") is { } evseId)
        {
            payload["evseId"] = evseId; // 2.0.1 may reset one EVSE
        }

        return ValueTask.FromResult(new CommandCall("Reset", payload));
    }
}
