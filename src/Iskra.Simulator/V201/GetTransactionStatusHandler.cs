using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V201.Messages;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V201;

/// <summary>
/// 2.0.1 E14 GetTransactionStatus: whether transaction messages wait to be delivered, and, when a
/// transactionId is given, whether that transaction still runs here.
/// </summary>
internal static class GetTransactionStatusHandler
{
    public static async ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        var request = Payloads.Read(call, V201JsonContext.Default.GetTransactionStatusRequest);
        bool? ongoing = request.TransactionId is { } id
            ? await station.LockedAsync(() => station.Connectors.Any(c => c.Session?.LocalId == id)).ConfigureAwait(false)
            : null;
        return Payloads.Reply(
            new GetTransactionStatusResponse { MessagesInQueue = station.QueuedTransactionMessages > 0, OngoingIndicator = ongoing },
            V201JsonContext.Default.GetTransactionStatusResponse);
    }
}
