using Iskra.Ocpp;
using Ocpp16 = Iskra.Ocpp.V16.Messages;
using Ocpp201 = Iskra.Ocpp.V201.Messages;
using V16Calls = Iskra.Ocpp.V16.Messages.V16Calls;
using V201Calls = Iskra.Ocpp.V201.Messages.V201Calls;

namespace Iskra.Csms.RemoteControl;

/// <summary>
/// <c>unlock {connectorId, evseConnectorId?}</c> → 1.6 UnlockConnector {connectorId}; 2.0.1
/// UnlockConnector (F05) {evseId: connectorId, connectorId: evseConnectorId, default 1}.
/// </summary>
public sealed class UnlockCommand : StationCommand
{
    public override string Name => "unlock";

    public override IReadOnlyList<string> Fields { get; } = ["connectorId", "evseConnectorId"];

    public override ValueTask<CommandCall> BuildAsync(CommandContext context, CommandBody body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(body);
        var connectorId = body.RequiredInt("connectorId");
        var evseConnectorId = body.OptionalInt("evseConnectorId");
        return ValueTask.FromResult(context.Version == OcppVersion.V16
            ? CommandCall.Of(V16Calls.UnlockConnector, new Ocpp16.UnlockConnectorRequest { ConnectorId = connectorId })
            : CommandCall.Of(V201Calls.UnlockConnector, new Ocpp201.UnlockConnectorRequest { EvseId = connectorId, ConnectorId = evseConnectorId ?? 1 }));
    }
}
