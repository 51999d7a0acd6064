using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V16.Messages;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.Reservations;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V16;

/// <summary>1.6 §5.3 CancelReservation: Accepted when a connector holds the reservation, else Rejected.</summary>
internal static class CancelReservationHandler
{
    public static async ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        var request = Payloads.Read(call, V16JsonContext.Default.CancelReservationRequest);
        var cancelled = await ReservationActions.CancelAsync(station, request.ReservationId).ConfigureAwait(false);
        return Payloads.Reply(
            new CancelReservationResponse { Status = cancelled ? CancelReservationStatus.Accepted : CancelReservationStatus.Rejected },
            V16JsonContext.Default.CancelReservationResponse);
    }
}
