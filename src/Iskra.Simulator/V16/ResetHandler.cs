using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V16.Messages;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.RemoteControl;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V16;

/// <summary>1.6 §5.14 Reset: accepted; transactions stop with reason SoftReset/HardReset, then the station reboots.</summary>
internal static class ResetHandler
{
    public static ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        var request = Payloads.Read(call, V16JsonContext.Default.ResetRequest);
        Resets.RebootSoon(station, request.Type == ResetType.Hard ? "HardReset" : "SoftReset");
        return ValueTask.FromResult(Payloads.Reply(new ResetResponse { Status = ResetStatus.Accepted }, V16JsonContext.Default.ResetResponse));
    }
}
