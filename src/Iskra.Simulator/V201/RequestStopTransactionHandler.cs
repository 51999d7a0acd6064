using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V201.Messages;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V201;

/// <summary>2.0.1 F03 RequestStopTransaction: accepted when the transaction runs here.</summary>
internal static class RequestStopTransactionHandler
{
    public static async ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        var request = Payloads.Read(call, V201JsonContext.Default.RequestStopTransactionRequest);
        var accepted = await RemoteActions.StopAsync(station, s => s.LocalId == request.TransactionId).ConfigureAwait(false);
        return Payloads.Reply(
            new RequestStopTransactionResponse { Status = accepted ? RequestStartStopStatusEnumType.Accepted : RequestStartStopStatusEnumType.Rejected },
            V201JsonContext.Default.RequestStopTransactionResponse);
    }
}
