using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V16.Messages;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V16;

/// <summary>1.6 §5.12 RemoteStopTransaction: accepted when the transaction runs here.</summary>
internal static class RemoteStopTransactionHandler
{
    public static async ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        var request = Payloads.Read(call, V16JsonContext.Default.RemoteStopTransactionRequest);
        var accepted = await RemoteActions.StopAsync(station, s => s.CsmsTransactionId == request.TransactionId).ConfigureAwait(false);
        return Payloads.Reply(
            new RemoteStopTransactionResponse { Status = accepted ? RemoteStartStopStatus.Accepted : RemoteStartStopStatus.Rejected },
            V16JsonContext.Default.RemoteStopTransactionResponse);
    }
}
