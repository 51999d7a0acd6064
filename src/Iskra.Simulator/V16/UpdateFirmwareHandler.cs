using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V16.Messages;
using Iskra.Simulator.Firmware;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V16;

/// <summary>1.6 §5.19 UpdateFirmware: an empty answer, then the update runs from retrieveDate on.</summary>
internal static class UpdateFirmwareHandler
{
    public static ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        var request = Payloads.Read(call, V16JsonContext.Default.UpdateFirmwareRequest);
        FirmwareProcess.Of(station).Begin(new FirmwareJob(request.Location, request.RetrieveDate, request.Retries, request.RetryInterval));
        return ValueTask.FromResult(Payloads.Reply(new UpdateFirmwareResponse(), V16JsonContext.Default.UpdateFirmwareResponse));
    }
}
