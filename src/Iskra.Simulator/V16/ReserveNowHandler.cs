using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V16.Messages;
using Iskra.Simulator.Model;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.Reservations;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V16;

/// <summary>
/// 1.6 §5.13 ReserveNow: the connector (0: any, when ReserveConnectorZeroSupported) is reserved for the id tag;
/// Rejected when the station does not list Reservation in SupportedFeatureProfiles ("configured not to accept reservations").
/// </summary>
internal static class ReserveNowHandler
{
    public static async ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        var request = Payloads.Read(call, V16JsonContext.Default.ReserveNowRequest);
        if (!station.Configuration.GetList("SupportedFeatureProfiles").Contains("Reservation", StringComparer.OrdinalIgnoreCase))
        {
            return Payloads.Reply(new ReserveNowResponse { Status = ReservationStatus.Rejected }, V16JsonContext.Default.ReserveNowResponse);
        }

        var outcome = await ReservationActions.ReserveAsync(
            station, request.ConnectorId, new Reservation(request.ReservationId, request.IdTag, request.ParentIdTag, request.ExpiryDate)).ConfigureAwait(false);
        var status = outcome switch
        {
            ReserveOutcome.Accepted => ReservationStatus.Accepted,
            ReserveOutcome.Faulted => ReservationStatus.Faulted,
            ReserveOutcome.Occupied => ReservationStatus.Occupied,
            ReserveOutcome.Unavailable => ReservationStatus.Unavailable,
            _ => ReservationStatus.Rejected,
        };
        return Payloads.Reply(new ReserveNowResponse { Status = status }, V16JsonContext.Default.ReserveNowResponse);
    }
}
