using System.Globalization;
using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V201.Messages;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V201;

/// <summary>2.0.1 I03 CostUpdated: the running cost is shown to the driver; the simulator notes it in its log.</summary>
internal static class CostUpdatedHandler
{
    public static ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        var request = Payloads.Read(call, V201JsonContext.Default.CostUpdatedRequest);
        station.Log.Note($"Cost of transaction {request.TransactionId}: {request.TotalCost.ToString(CultureInfo.InvariantCulture)}.");
        return ValueTask.FromResult(Payloads.Reply(new CostUpdatedResponse(), V201JsonContext.Default.CostUpdatedResponse));
    }
}
