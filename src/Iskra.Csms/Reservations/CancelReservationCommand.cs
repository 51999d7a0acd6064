using Iskra.Csms.RemoteControl;
using Iskra.Ocpp;
using Ocpp16 = Iskra.Ocpp.V16.Messages;
using Ocpp201 = Iskra.Ocpp.V201.Messages;
using V16Calls = Iskra.Ocpp.V16.Messages.V16Calls;
using V201Calls = Iskra.Ocpp.V201.Messages.V201Calls;

namespace Iskra.Csms.Reservations;

/// <summary><c>cancel-reservation {reservationId}</c> → CancelReservation on both versions (1.6 §5.1, H02); an accepted cancellation marks the reservation Cancelled.</summary>
public sealed class CancelReservationCommand(ReservationService reservations) : StationCommand
{
    public override string Name => "cancel-reservation";

    public override IReadOnlyList<string> Fields { get; } = ["reservationId"];

    public override ValueTask<CommandCall> BuildAsync(CommandContext context, CommandBody body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(body);
        var reservationId = body.RequiredInt("reservationId");
        return ValueTask.FromResult(context.Version == OcppVersion.V16
            ? CommandCall.Of(V16Calls.CancelReservation, new Ocpp16.CancelReservationRequest { ReservationId = reservationId }, reservationId)
            : CommandCall.Of(V201Calls.CancelReservation, new Ocpp201.CancelReservationRequest { ReservationId = reservationId }, reservationId));
    }

    public override async ValueTask ApplyAsync(CommandContext context, CommandCall sent, CommandOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(sent);
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Status == "Accepted" && sent.State is int reservationId)
        {
            await reservations.CancelAsync(context.StationId, reservationId, cancellationToken).ConfigureAwait(false);
        }
    }
}
