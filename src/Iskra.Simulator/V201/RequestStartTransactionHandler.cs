using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V201.Messages;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V201;

/// <summary>2.0.1 F01/F02 RequestStartTransaction: accepted when the EVSE can take the id token.</summary>
internal static class RequestStartTransactionHandler
{
    public static async ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        var request = Payloads.Read(call, V201JsonContext.Default.RequestStartTransactionRequest);
        var accepted = await RemoteActions.StartAsync(station, request.EvseId, request.IdToken.IdToken, request.RemoteStartId).ConfigureAwait(false);
        return Payloads.Reply(
            new RequestStartTransactionResponse { Status = accepted ? RequestStartStopStatusEnumType.Accepted : RequestStartStopStatusEnumType.Rejected },
            V201JsonContext.Default.RequestStartTransactionResponse);
    }
}
