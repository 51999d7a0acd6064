using System.Text.Json.Nodes;
using Iskra.Ocpp;

namespace Iskra.Csms.RemoteControl;

/// <summary>
/// <c>change-availability {connectorId, type: Operative|Inoperative}</c> → 1.6 ChangeAvailability;
/// 2.0.1 ChangeAvailability (G03/G04) {operationalStatus, evse: {id}}, without evse for connector 0 (the whole station).
/// </summary>
public sealed class ChangeAvailabilityCommand : StationCommand
{
    public override string Name => "change-availability";

    public override IReadOnlyList<string> Fields { get; } = ["connectorId", "type"];

    public override ValueTask<CommandCall> BuildAsync(CommandContext context, CommandBody body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(body);
        var connectorId = body.RequiredInt("connectorId");
        var type = body.RequiredEnum("type", "Operative", "Inoperative");
        if (connectorId < 0)
        {
            throw CommandException.Invalid("$.connectorId", "must be 0 (the whole station) or a connector/EVSE id");
        }

        JsonObject payload;
        if (context.Version == OcppVersion.V16)
        {
            payload = new JsonObject { ["connectorId"] = connectorId, ["type"] = type };
        }
        else
        {
            payload = new JsonObject { ["operationalStatus"] = type };
            if (connectorId > 0)
            {
                payload["evse"] = new JsonObject { ["id"] = connectorId };
            }
        }

        return ValueTask.FromResult(new CommandCall("ChangeAvailability", payload));
    }
}
