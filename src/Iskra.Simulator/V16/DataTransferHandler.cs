using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V16.Messages;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.RemoteControl;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V16;

/// <summary>1.6 §5.6 DataTransfer: vendor "Iskra" is Accepted and its data echoed; any other vendor is UnknownVendorId.</summary>
internal static class DataTransferHandler
{
    public static ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        var request = Payloads.Read(call, V16JsonContext.Default.DataTransferRequest);
        var response = DataTransfers.Known(request.VendorId)
            ? new DataTransferResponse { Status = DataTransferStatus.Accepted, Data = request.Data }
            : new DataTransferResponse { Status = DataTransferStatus.UnknownVendorId };
        return ValueTask.FromResult(Payloads.Reply(response, V16JsonContext.Default.DataTransferResponse));
    }
}
