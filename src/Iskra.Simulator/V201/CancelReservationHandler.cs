using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V201.Messages;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.Reservations;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V201;

/// <summary>2.0.1 H02 CancelReservation: Accepted when an EVSE holds the reservation, else Rejected.</summary>
internal static class CancelReservationHandler
{
    public static async ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        var request = Payloads.Read(call, V201JsonContext.Default.CancelReservationRequest);
        var cancelled = await ReservationActions.CancelAsync(station, request.ReservationId).ConfigureAwait(false);
        return Payloads.Reply(
            new CancelReservationResponse { Status = cancelled ? CancelReservationStatusEnumType.Accepted : CancelReservationStatusEnumType.Rejected },
            V201JsonContext.Default.CancelReservationResponse);
    }
}
