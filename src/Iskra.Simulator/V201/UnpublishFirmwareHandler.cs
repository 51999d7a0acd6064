using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V201.Messages;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V201;

/// <summary>2.0.1 L04 UnpublishFirmware: the station publishes nothing (not a Local Controller), so NoFirmware.</summary>
internal static class UnpublishFirmwareHandler
{
    public static ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        _ = Payloads.Read(call, V201JsonContext.Default.UnpublishFirmwareRequest);
        return ValueTask.FromResult(Payloads.Reply(
            new UnpublishFirmwareResponse { Status = UnpublishFirmwareStatusEnumType.NoFirmware },
            V201JsonContext.Default.UnpublishFirmwareResponse));
    }
}
