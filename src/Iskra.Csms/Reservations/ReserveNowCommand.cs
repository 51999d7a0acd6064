using System.Globalization;
using System.Text.Json.Nodes;
using Iskra.Csms.Authorization;
using Iskra.Csms.RemoteControl;
using Iskra.Csms.Storage;
using Iskra.Ocpp;
using Microsoft.EntityFrameworkCore;

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

        JsonObject payload;
        if (v16)
        {
            payload = new JsonObject { ["connectorId"] = connectorId, ["expiryDate"] = Wire(expiry), ["idTag"] = idTag };
            if (parent is not null)
            {
                payload["parentIdTag"] = parent;
            }

            payload["reservationId"] = reservationId;
        }
        else
        {
            type ??= (await IdTokenTypes.StoredAsync(contexts, [idTag], cancellationToken).ConfigureAwait(false)).GetValueOrDefault(idTag, IdTokenTypes.Default);
            payload = new JsonObject
            {
                ["id"] = reservationId,
                ["expiryDateTime"] = Wire(expiry),
                ["idToken"] = new JsonObject { ["idToken"] = idTag, ["type"] = type },
            };
            if (connectorId is > 0)
            {
                payload["evseId"] = connectorId; // 0 or absent: any EVSE of the station
            }

            if (parent is not null)
            {
                payload["groupIdToken"] = new JsonObject { ["idToken"] = parent, ["type"] = IdTokenTypes.Default };
            }
        }

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
        return new CommandCall("ReserveNow", payload, reservation) { Ids = new CommandIds(ReservationId: reservationId) };
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

    private static string Wire(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
