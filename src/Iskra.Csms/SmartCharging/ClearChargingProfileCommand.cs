using System.Text.Json.Nodes;
using Iskra.Csms.RemoteControl;
using Iskra.Ocpp;

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

        JsonObject payload;
        if (context.Version == OcppVersion.V16)
        {
            payload = [];
            Add(payload, "id", id);
            Add(payload, "connectorId", connectorId);
            Add(payload, "chargingProfilePurpose", purpose);
            Add(payload, "stackLevel", stackLevel);
        }
        else
        {
            payload = [];
            Add(payload, "chargingProfileId", id);
            if (connectorId is not null || purpose is not null || stackLevel is not null)
            {
                var criteria = new JsonObject();
                Add(criteria, "evseId", connectorId);
                Add(criteria, "chargingProfilePurpose", purpose);
                Add(criteria, "stackLevel", stackLevel);
                payload["chargingProfileCriteria"] = criteria;
            }
        }

        return ValueTask.FromResult(new CommandCall("ClearChargingProfile", payload, new ProfileFilter(id, connectorId, purpose, stackLevel)));
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

    private static void Add(JsonObject payload, string name, JsonNode? value)
    {
        if (value is not null)
        {
            payload[name] = value;
        }
    }
}
