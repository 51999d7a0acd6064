using System.Text.Json;
using System.Text.Json.Nodes;
using Iskra.Csms.RemoteControl;
using Iskra.Ocpp;
using Ocpp16 = Iskra.Ocpp.V16.Messages;
using Ocpp201 = Iskra.Ocpp.V201.Messages;
using V16Calls = Iskra.Ocpp.V16.Messages.V16Calls;
using V201Calls = Iskra.Ocpp.V201.Messages.V201Calls;

namespace Iskra.Csms.SmartCharging;

/// <summary>
/// <c>set-charging-profile {connectorId, csChargingProfiles}</c> → 1.6 SetChargingProfile; 2.0.1
/// SetChargingProfile {evseId, chargingProfile} with the profile translated (K01). A 2.0.1 station
/// also takes a ready 2.0.1 <c>chargingProfile</c>, sent as it is. An accepted profile is stored.
/// </summary>
public sealed class SetChargingProfileCommand(SmartChargingService profiles) : StationCommand
{
    public override string Name => "set-charging-profile";

    public override IReadOnlyList<string> Fields { get; } = ["connectorId", "csChargingProfiles", "chargingProfile"];

    public override ValueTask<CommandCall> BuildAsync(CommandContext context, CommandBody body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(body);
        var connectorId = body.RequiredInt("connectorId");
        if (context.Version == OcppVersion.V201 && body.Has("chargingProfile"))
        {
            if (body.Has("csChargingProfiles"))
            {
                throw CommandException.Invalid("$.chargingProfile", "give either csChargingProfiles (1.6) or chargingProfile (2.0.1), not both");
            }

            return ValueTask.FromResult(V201(connectorId, ObjectOf(body, "chargingProfile")));
        }

        var profile = ObjectOf(body, "csChargingProfiles");
        if (context.Version == OcppVersion.V16)
        {
            return ValueTask.FromResult(CommandCall.Of(V16Calls.SetChargingProfile, new Ocpp16.SetChargingProfileRequest
            {
                ConnectorId = connectorId,
                CsChargingProfiles = CommandJson.Read(profile, Ocpp16.V16JsonContext.Default.ChargingProfile, V16Calls.SetChargingProfile.Action, "csChargingProfiles"),
            }));
        }

        ChargingProfiles.Check16(connectorId, profile);
        return ValueTask.FromResult(V201(connectorId, ChargingProfiles.ToV201(profile)));
    }

    public override async ValueTask ApplyAsync(CommandContext context, CommandCall sent, CommandOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(sent);
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Status != "Accepted")
        {
            return;
        }

        // The request passed the official schema, so the fields below are there with their types.
        var v16 = context.Version == OcppVersion.V16;
        var profile = JsonObject.Create(sent.Request.GetProperty(v16 ? "csChargingProfiles" : "chargingProfile"))!;
        var transaction = ChargingProfiles.TransactionIdOf(profile);
        await profiles.StoreAsync(
            new ChargingProfileRecord
            {
                StationId = context.StationId,
                EvseId = sent.Request.GetProperty(v16 ? "connectorId" : "evseId").GetInt32(),
                ChargingProfileId = profile[v16 ? "chargingProfileId" : "id"]!.GetValue<int>(),
                Purpose = profile["chargingProfilePurpose"]!.GetValue<string>(),
                StackLevel = profile["stackLevel"]!.GetValue<int>(),
                TransactionId = transaction,
                Profile = JsonSerializer.Serialize(profile, CsmsJsonContext.Default.JsonObject),
            },
            replaceSameStackLevel: v16,
            cancellationToken).ConfigureAwait(false);
    }

    private static CommandCall V201(int evseId, JsonObject profile) =>
        CommandCall.Of(V201Calls.SetChargingProfile, new Ocpp201.SetChargingProfileRequest
        {
            EvseId = evseId,
            ChargingProfile = CommandJson.Read(profile, Ocpp201.V201JsonContext.Default.ChargingProfileType, V201Calls.SetChargingProfile.Action, "chargingProfile"),
        });

    private static JsonObject ObjectOf(CommandBody body, string name) =>
        body.RequiredNode(name) as JsonObject ?? throw CommandException.Invalid("$." + name, "must be an object (a ChargingProfile)");
}
