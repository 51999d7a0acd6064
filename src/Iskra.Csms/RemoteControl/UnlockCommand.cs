using System.Text.Json.Nodes;
using Iskra.Ocpp;

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
        var payload = context.Version == OcppVersion.V16
            ? new JsonObject { ["connectorId"] = connectorId }
            : new JsonObject { ["evseId"] = connectorId, ["connectorId"] = evseConnectorId ?? 1 };
        return ValueTask.FromResult(new CommandCall("UnlockConnector", payload));
    }
}
