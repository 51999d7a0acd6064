using Iskra.Ocpp;
using Ocpp16 = Iskra.Ocpp.V16.Messages;
using Ocpp201 = Iskra.Ocpp.V201.Messages;
using V16Calls = Iskra.Ocpp.V16.Messages.V16Calls;
using V201Calls = Iskra.Ocpp.V201.Messages.V201Calls;

namespace Iskra.Csms.RemoteControl;

/// <summary><c>reset {type: Soft|Hard}</c> → 1.6 Reset Soft/Hard; 2.0.1 Reset OnIdle/Immediate (B11, B12).</summary>
public sealed class ResetCommand : StationCommand
{
    public override string Name => "reset";

    public override IReadOnlyList<string> Fields { get; } = ["type", "connectorId"];

    public override ValueTask<CommandCall> BuildAsync(CommandContext context, CommandBody body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(body);
        var soft = body.RequiredEnum("type", "Soft", "Hard") == "Soft";
        return ValueTask.FromResult(context.Version == OcppVersion.V16
            ? CommandCall.Of(V16Calls.Reset, new Ocpp16.ResetRequest { Type = soft ? Ocpp16.ResetType.Soft : Ocpp16.ResetType.Hard })
            : CommandCall.Of(V201Calls.Reset, new Ocpp201.ResetRequest
            {
                Type = soft ? Ocpp201.ResetEnumType.OnIdle : Ocpp201.ResetEnumType.Immediate,
                EvseId = body.OptionalInt("connectorId"), // 2.0.1 may reset one EVSE
            }));
    }
}
