using Iskra.Ocpp;
using Ocpp16 = Iskra.Ocpp.V16.Messages;
using Ocpp201 = Iskra.Ocpp.V201.Messages;
using V16Calls = Iskra.Ocpp.V16.Messages.V16Calls;
using V201Calls = Iskra.Ocpp.V201.Messages.V201Calls;

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
        var operative = body.RequiredEnum("type", "Operative", "Inoperative") == "Operative";
        if (connectorId < 0)
        {
            throw CommandException.Invalid("$.connectorId", "must be 0 (the whole station) or a connector/EVSE id");
        }

        return ValueTask.FromResult(context.Version == OcppVersion.V16
            ? CommandCall.Of(V16Calls.ChangeAvailability, new Ocpp16.ChangeAvailabilityRequest
            {
                ConnectorId = connectorId,
                Type = operative ? Ocpp16.AvailabilityType.Operative : Ocpp16.AvailabilityType.Inoperative,
            })
            : CommandCall.Of(V201Calls.ChangeAvailability, new Ocpp201.ChangeAvailabilityRequest
            {
                OperationalStatus = operative ? Ocpp201.OperationalStatusEnumType.Operative : Ocpp201.OperationalStatusEnumType.Inoperative,
                Evse = connectorId > 0 ? new Ocpp201.EVSEType { Id = connectorId } : null,
            }));
    }
}
