using Iskra.Csms.RemoteControl;
using Iskra.Ocpp;
using Ocpp16 = Iskra.Ocpp.V16.Messages;
using Ocpp201 = Iskra.Ocpp.V201.Messages;
using V16Calls = Iskra.Ocpp.V16.Messages.V16Calls;
using V201Calls = Iskra.Ocpp.V201.Messages.V201Calls;

namespace Iskra.Csms.SmartCharging;

/// <summary>
/// <c>clear-charging-profile {id?, connectorId?, chargingProfilePurpose?, stackLevel?}</c> → 1.6
/// ClearChargingProfile; 2.0.1 ClearChargingProfile {chargingProfileId?, chargingProfileCriteria?}
/// (K10). When the station accepts, the stored profiles it cleared are removed.
/// </summary>
public sealed class ClearChargingProfileCommand(SmartChargingService profiles) : StationCommand
{
    public override string Name => "clear-charging-profile";

    public override IReadOnlyList<string> Fields { get; } = ["id", "connectorId", "chargingProfilePurpose", "stackLevel"];

    public override ValueTask<CommandCall> BuildAsync(CommandContext context, CommandBody body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(body);
        var id = body.OptionalInt("id");
        var connectorId = body.OptionalInt("connectorId");
        var purpose16 = body.OptionalEnum("chargingProfilePurpose", ChargingProfiles.StationMax16, "TxDefaultProfile", "TxProfile");
        var stackLevel = body.OptionalInt("stackLevel");
        var purpose = purpose16 is null ? null : ChargingProfiles.Purpose(context.Version, purpose16);

        var filter = new ProfileFilter(id, connectorId, purpose, stackLevel);
        if (context.Version == OcppVersion.V16)
        {
            return ValueTask.FromResult(CommandCall.Of(V16Calls.ClearChargingProfile, new Ocpp16.ClearChargingProfileRequest
            {
                Id = id,
                ConnectorId = connectorId,
                ChargingProfilePurpose = purpose is null ? null : CommandJson.Enum(purpose, Ocpp16.V16JsonContext.Default.ChargingProfilePurposeType, "$.chargingProfilePurpose"),
                StackLevel = stackLevel,
            }, filter));
        }

        var criteria = connectorId is not null || purpose is not null || stackLevel is not null
            ? new Ocpp201.ClearChargingProfileType
            {
                EvseId = connectorId,
                ChargingProfilePurpose = purpose is null ? null : CommandJson.Enum(purpose, Ocpp201.V201JsonContext.Default.ChargingProfilePurposeEnumType, "$.chargingProfilePurpose"),
                StackLevel = stackLevel,
            }
            : null;
        return ValueTask.FromResult(CommandCall.Of(V201Calls.ClearChargingProfile, new Ocpp201.ClearChargingProfileRequest { ChargingProfileId = id, ChargingProfileCriteria = criteria }, filter));
    }

    public override async ValueTask ApplyAsync(CommandContext context, CommandCall sent, CommandOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(sent);
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Status == "Accepted" && sent.State is ProfileFilter filter)
        {
            await profiles.ClearAsync(context.StationId, filter, cancellationToken).ConfigureAwait(false);
        }
    }
}
