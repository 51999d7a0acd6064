using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Iskra.Csms.RemoteControl;
using Iskra.Ocpp;

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

            var ready = ObjectOf(body, "chargingProfile");
            return ValueTask.FromResult(new CommandCall("SetChargingProfile", new JsonObject { ["evseId"] = connectorId, ["chargingProfile"] = ready }));
        }

        var profile = ObjectOf(body, "csChargingProfiles");
        if (context.Version == OcppVersion.V16)
        {
            return ValueTask.FromResult(new CommandCall("SetChargingProfile", new JsonObject { ["connectorId"] = connectorId, ["csChargingProfiles"] = profile }));
        }

        ChargingProfiles.Check16(connectorId, profile);
        var translated = ChargingProfiles.ToV201(profile);
        return ValueTask.FromResult(new CommandCall("SetChargingProfile", new JsonObject { ["evseId"] = connectorId, ["chargingProfile"] = translated }));
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

        // The payload passed the official schema, so the fields below are there with their types.
        var v16 = context.Version == OcppVersion.V16;
        var profile = sent.Payload[v16 ? "csChargingProfiles" : "chargingProfile"]!.AsObject();
        var transaction = ChargingProfiles.TransactionIdOf(profile);
        await profiles.StoreAsync(
            new ChargingProfileRecord
            {
                StationId = context.StationId,
                EvseId = sent.Payload[v16 ? "connectorId" : "evseId"]!.GetValue<int>(),
                ChargingProfileId = profile[v16 ? "chargingProfileId" : "id"]!.GetValue<int>(),
                Purpose = profile["chargingProfilePurpose"]!.GetValue<string>(),
                StackLevel = profile["stackLevel"]!.GetValue<int>(),
                TransactionId = transaction,
                Profile = JsonSerializer.Serialize(profile, CsmsJsonContext.Default.JsonObject),
            },
            replaceSameStackLevel: v16,
            cancellationToken).ConfigureAwait(false);
    }

    private static JsonObject ObjectOf(CommandBody body, string name) =>
        body.RequiredNode(name) as JsonObject ?? throw CommandException.Invalid("$." + name, "must be an object (a ChargingProfile)");
}
