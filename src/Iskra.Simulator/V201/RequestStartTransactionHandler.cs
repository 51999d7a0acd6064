using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V201.Messages;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.SmartCharging;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V201;

/// <summary>2.0.1 F01/F02 RequestStartTransaction: accepted when the EVSE can take the id token; a chargingProfile becomes the TxProfile (F01.FR.08).</summary>
internal static class RequestStartTransactionHandler
{
    public static async ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        var request = Payloads.Read(call, V201JsonContext.Default.RequestStartTransactionRequest);
        var profile = request.ChargingProfile is { } wire ? ProfileMapping.ToModel(wire, request.EvseId ?? 0) : null;
        var accepted = (request.ChargingProfile is null || profile is not null)
            && await ProfileActions.RemoteStartAsync(station, request.EvseId, request.IdToken.IdToken, request.RemoteStartId, profile).ConfigureAwait(false);
        return Payloads.Reply(
            new RequestStartTransactionResponse { Status = accepted ? RequestStartStopStatusEnumType.Accepted : RequestStartStopStatusEnumType.Rejected },
            V201JsonContext.Default.RequestStartTransactionResponse);
    }
}
