using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V201.Messages;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.RemoteControl;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V201;

/// <summary>2.0.1 P01 DataTransfer: vendor "Iskra" is Accepted and its data echoed; any other vendor is UnknownVendorId.</summary>
internal static class DataTransferHandler
{
    public static ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        var request = Payloads.Read(call, V201JsonContext.Default.DataTransferRequest);
        var response = DataTransfers.Known(request.VendorId)
            ? new DataTransferResponse { Status = DataTransferStatusEnumType.Accepted, Data = request.Data }
            : new DataTransferResponse { Status = DataTransferStatusEnumType.UnknownVendorId };
        return ValueTask.FromResult(Payloads.Reply(response, V201JsonContext.Default.DataTransferResponse));
    }
}
