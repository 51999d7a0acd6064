using System.Text.Json.Nodes;
using Iskra.Csms.RemoteControl;

namespace Iskra.Csms.Reservations;

/// <summary><c>cancel-reservation {reservationId}</c> → CancelReservation on both versions (1.6 §5.1, H02); an accepted cancellation marks the reservation Cancelled.</summary>
public sealed class CancelReservationCommand(ReservationService reservations) : StationCommand
{
    public override string Name => "cancel-reservation";

    public override IReadOnlyList<string> Fields { get; } = ["reservationId"];

    public override ValueTask<CommandCall> BuildAsync(CommandContext context, CommandBody body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var reservationId = body.RequiredInt("reservationId");
        return ValueTask.FromResult(new CommandCall("CancelReservation", new JsonObject { ["reservationId"] = reservationId }, reservationId));
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
