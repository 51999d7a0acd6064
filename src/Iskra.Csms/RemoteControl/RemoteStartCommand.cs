using System.Text.Json.Nodes;
using Iskra.Csms.SmartCharging;
using Iskra.Csms.Storage;
using Iskra.Csms.Transactions;
using Iskra.Ocpp;
using Microsoft.EntityFrameworkCore;
using Ocpp16 = Iskra.Ocpp.V16.Messages;
using Ocpp201 = Iskra.Ocpp.V201.Messages;
using V16Calls = Iskra.Ocpp.V16.Messages.V16Calls;
using V201Calls = Iskra.Ocpp.V201.Messages.V201Calls;

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
        Ocpp16.RemoteStartTransactionRequest? v16 = null;
        Ocpp201.RequestStartTransactionRequest? v201 = null;
        if (context.Version == OcppVersion.V16)
        {
            v16 = new Ocpp16.RemoteStartTransactionRequest
            {
                IdTag = idTag,
                ConnectorId = connectorId,
                ChargingProfile = profile is null ? null : CommandJson.Read(profile, Ocpp16.V16JsonContext.Default.ChargingProfile, V16Calls.RemoteStartTransaction.Action, "chargingProfile"),
            };
        }
        else
        {
            var known = await db.IdTags.AsNoTracking().FirstOrDefaultAsync(t => t.Value == idTag, cancellationToken).ConfigureAwait(false);
            if (profile is JsonObject { } given && given.ContainsKey("chargingProfileId"))
            {
                // A 1.6 profile, as command bodies are written: checked and translated like set-charging-profile (K01).
                ChargingProfiles.Check16(connectorId ?? 0, given);
                profile = ChargingProfiles.ToV201(given);
            }

            v201 = new Ocpp201.RequestStartTransactionRequest
            {
                IdToken = new Ocpp201.IdTokenType { IdToken = idTag, Type = CommandJson.Enum(known?.Type ?? "Central", Ocpp201.V201JsonContext.Default.IdTokenEnumType, "$.idTag") },
                RemoteStartId = 0, // the allocated id, below
                EvseId = connectorId,
                ChargingProfile = profile is null ? null : CommandJson.Read(profile, Ocpp201.V201JsonContext.Default.ChargingProfileType, V201Calls.RequestStartTransaction.Action, "chargingProfile"),
            };
        }

        // Allocated once the body is read; a request its schema refuses is discarded again (DiscardAsync).
        var start = new RemoteStart { StationId = context.StationId, ConnectorId = connectorId, IdTag = idTag, RequestedAt = time.GetUtcNow() };
        db.RemoteStarts.Add(start);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        var ids = new CommandIds(RemoteStartId: start.Id);
        return v16 is not null
            ? CommandCall.Of(V16Calls.RemoteStartTransaction, v16, start.Id, ids)
            : CommandCall.Of(V201Calls.RequestStartTransaction, v201! with { RemoteStartId = start.Id }, start.Id, ids);
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

    /// <summary>A start that was never sent leaves no remote start behind.</summary>
    public override async ValueTask DiscardAsync(CommandContext context, CommandCall sent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sent);
        var id = (int)sent.State!;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.RemoteStarts.Where(r => r.Id == id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }
}
