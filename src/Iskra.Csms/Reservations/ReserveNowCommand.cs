using Iskra.Csms.Authorization;
using Iskra.Csms.RemoteControl;
using Iskra.Csms.Storage;
using Iskra.Ocpp;
using Microsoft.EntityFrameworkCore;
using Ocpp16 = Iskra.Ocpp.V16.Messages;
using Ocpp201 = Iskra.Ocpp.V201.Messages;
using V16Calls = Iskra.Ocpp.V16.Messages.V16Calls;
using V201Calls = Iskra.Ocpp.V201.Messages.V201Calls;

namespace Iskra.Csms.Reservations;

/// <summary>
/// <c>reserve-now {connectorId, expiryDate, idTag, parentIdTag?, reservationId?, idTagType?}</c> →
/// 1.6 ReserveNow; 2.0.1 ReserveNow {id, expiryDateTime, idToken, evseId?, groupIdToken?} (H01).
/// Iskra allocates the reservation id when none is given. Every answer is stored.
/// </summary>
public sealed class ReserveNowCommand(ReservationService reservations, IDbContextFactory<IskraDbContext> contexts) : StationCommand
{
    public override string Name => "reserve-now";

    public override IReadOnlyList<string> Fields { get; } = ["connectorId", "expiryDate", "idTag", "parentIdTag", "idTagType", "reservationId"];

    public override async ValueTask<CommandCall> BuildAsync(CommandContext context, CommandBody body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(body);
        var v16 = context.Version == OcppVersion.V16;
        var connectorId = v16 ? body.RequiredInt("connectorId") : body.OptionalInt("connectorId");
        var expiry = body.RequiredDateTime("expiryDate");
        var idTag = body.RequiredString("idTag");
        var parent = body.OptionalString("parentIdTag");
        var type = body.OptionalEnum("idTagType", IdTokenTypes.All);
        var given = body.OptionalInt("reservationId");
        if (given is { } chosen)
        {
            reservations.Observe(chosen);
        }

        var reservationId = given ?? await reservations.NextIdAsync(cancellationToken).ConfigureAwait(false);

        var reservation = new Reservation
        {
            StationId = context.StationId,
            ReservationId = reservationId,
            ConnectorId = v16 || connectorId is > 0 ? connectorId : null,
            IdTag = idTag,
            ParentIdTag = parent,
            ExpiryDate = expiry,
            Status = "Sent",
        };
        var ids = new CommandIds(ReservationId: reservationId);
        if (v16)
        {
            return CommandCall.Of(V16Calls.ReserveNow, new Ocpp16.ReserveNowRequest
            {
                ConnectorId = connectorId!.Value,
                ExpiryDate = expiry,
                IdTag = idTag,
                ParentIdTag = parent,
                ReservationId = reservationId,
            }, reservation, ids);
        }

        type ??= (await IdTokenTypes.StoredAsync(contexts, [idTag], cancellationToken).ConfigureAwait(false)).GetValueOrDefault(idTag, IdTokenTypes.Default);
        return CommandCall.Of(V201Calls.ReserveNow, new Ocpp201.ReserveNowRequest
        {
            Id = reservationId,
            ExpiryDateTime = expiry,
            IdToken = IdTokenTypes.Token(idTag, type, "$.idTagType"),
            EvseId = connectorId is > 0 ? connectorId : null, // 0 or absent: any EVSE of the station
            GroupIdToken = parent is null ? null : IdTokenTypes.Token(parent, IdTokenTypes.Default, "$.parentIdTag"),
        }, reservation, ids);
    }

    public override async ValueTask ApplyAsync(CommandContext context, CommandCall sent, CommandOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sent);
        ArgumentNullException.ThrowIfNull(outcome);
        if (sent.State is Reservation reservation)
        {
            reservation.Status = outcome.Status;
            await reservations.RecordAsync(reservation, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A reservation whose call got no answer is stored too (NoAnswer: the station may hold it); like a refusal, never over an accepted one.</summary>
    public override async ValueTask FailedAsync(CommandContext context, CommandCall sent, string outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sent);
        if (sent.State is Reservation reservation)
        {
            reservation.Status = FailureStatus(outcome);
            reservation.Failure = outcome;
            await reservations.RecordAsync(reservation, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A reservation that was never sent is not stored.</summary>
    public override ValueTask DiscardAsync(CommandContext context, CommandCall sent, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
