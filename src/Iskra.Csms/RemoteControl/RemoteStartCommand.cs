using System.Text.Json;
using System.Text.Json.Nodes;
using Iskra.Csms.SmartCharging;
using Iskra.Csms.Storage;
using Iskra.Csms.Transactions;
using Iskra.Ocpp;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Csms.RemoteControl;

/// <summary>
/// <c>remote-start {connectorId?, idTag, chargingProfile?}</c> → 1.6 RemoteStartTransaction; 2.0.1
/// RequestStartTransaction (F01) with an idToken (the stored tag's type, else Central) and a
/// remoteStartId allocated as a <see cref="RemoteStart"/> row, so the session that follows is linked to it.
/// A 1.6 <c>chargingProfile</c> is translated for a 2.0.1 station; a 2.0.1 one is passed through.
/// </summary>
public sealed class RemoteStartCommand(IDbContextFactory<IskraDbContext> contexts, TimeProvider time) : StationCommand
{
    public override string Name => "remote-start";

    public override IReadOnlyList<string> Fields { get; } = ["connectorId", "idTag", "chargingProfile"];

    public override async ValueTask<CommandCall> BuildAsync(CommandContext context, CommandBody body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(body);
        context.ThrowIfPending16(Name);
        var idTag = body.RequiredString("idTag");
        var connectorId = body.OptionalInt("connectorId");
        var profile = body.OptionalNode("chargingProfile");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        JsonObject payload;
        string action;
        if (context.Version == OcppVersion.V16)
        {
            action = "RemoteStartTransaction";
            payload = new JsonObject { ["idTag"] = idTag };
            if (connectorId is { } connector)
            {
                payload["connectorId"] = connector;
            }

            if (profile is not null)
            {
                payload["chargingProfile"] = profile;
            }
        }
        else
        {
            action = "RequestStartTransaction";
            var known = await db.IdTags.AsNoTracking().FirstOrDefaultAsync(t => t.Value == idTag, cancellationToken).ConfigureAwait(false);
            payload = new JsonObject
            {
                ["idToken"] = new JsonObject { ["idToken"] = idTag, ["type"] = known?.Type ?? "Central" },
                ["remoteStartId"] = 1, // replaced by the allocated id below
            };
            if (connectorId is { } evse)
            {
                payload["evseId"] = evse;
            }

            if (profile is JsonObject { } given && given.ContainsKey("chargingProfileId"))
            {
                // A 1.6 profile, as command bodies are written: checked and translated like set-charging-profile (K01).
                ChargingProfiles.Check16(connectorId ?? 0, given);
                payload["chargingProfile"] = ChargingProfiles.ToV201(given);
            }
            else if (profile is not null)
            {
                payload["chargingProfile"] = profile; // already a 2.0.1 ChargingProfileType
            }
        }

        // Check before allocating, so a refused body leaves no remote start behind.
        var error = OcppCatalogs.Get(context.Version, action).ValidateRequest(JsonSerializer.SerializeToElement(payload, CsmsJsonContext.Default.JsonObject));
        if (error is not null)
        {
            throw CommandException.Invalid(error.Path, error.Message);
        }

        var start = new RemoteStart { StationId = context.StationId, ConnectorId = connectorId, IdTag = idTag, RequestedAt = time.GetUtcNow() };
        db.RemoteStarts.Add(start);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        if (context.Version == OcppVersion.V201)
        {
            payload["remoteStartId"] = start.Id;
        }

        return new CommandCall(action, payload, start.Id) { Ids = new CommandIds(RemoteStartId: start.Id) };
    }

    public override async ValueTask ApplyAsync(CommandContext context, CommandCall sent, CommandOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sent);
        ArgumentNullException.ThrowIfNull(outcome);
        var id = (int)sent.State!;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.RemoteStarts.Where(r => r.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, outcome.Status), cancellationToken).ConfigureAwait(false);
    }

    public override async ValueTask FailedAsync(CommandContext context, CommandCall sent, string outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sent);
        var id = (int)sent.State!;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.RemoteStarts.Where(r => r.Id == id && r.Status == null)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, StationCommand.FailureStatus(outcome)).SetProperty(r => r.Failure, outcome), cancellationToken)
            .ConfigureAwait(false);
    }
}
