using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V201.Messages;
using Iskra.Simulator.Model;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.Reservations;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V201;

/// <summary>2.0.1 H01 ReserveNow: the EVSE (absent: any, when ReservationCtrlr.NonEvseSpecific) is reserved for the id token or its group.</summary>
internal static class ReserveNowHandler
{
    public static async ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        var request = Payloads.Read(call, V201JsonContext.Default.ReserveNowRequest);
        var reservation = new Reservation(request.Id, request.IdToken.IdToken, request.GroupIdToken?.IdToken, request.ExpiryDateTime);
        var outcome = await ReservationActions.ReserveAsync(station, request.EvseId, reservation).ConfigureAwait(false);
        var status = outcome switch
        {
            ReserveOutcome.Accepted => ReserveNowStatusEnumType.Accepted,
            ReserveOutcome.Faulted => ReserveNowStatusEnumType.Faulted,
            ReserveOutcome.Occupied => ReserveNowStatusEnumType.Occupied,
            ReserveOutcome.Unavailable => ReserveNowStatusEnumType.Unavailable,
            _ => ReserveNowStatusEnumType.Rejected,
        };
        return Payloads.Reply(new ReserveNowResponse { Status = status }, V201JsonContext.Default.ReserveNowResponse);
    }
}
