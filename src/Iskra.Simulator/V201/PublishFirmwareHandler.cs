using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V201.Messages;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V201;

/// <summary>
/// 2.0.1 L03 PublishFirmware is for a Local Controller; the simulated station is not one, so it answers
/// Rejected (GenericStatus) and publishes nothing.
/// </summary>
internal static class PublishFirmwareHandler
{
    public static ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        _ = Payloads.Read(call, V201JsonContext.Default.PublishFirmwareRequest);
        station.Log.Note("PublishFirmware refused: this station is not a Local Controller.");
        return ValueTask.FromResult(Payloads.Reply(new PublishFirmwareResponse
        {
            Status = GenericStatusEnumType.Rejected,
            StatusInfo = new StatusInfoType { ReasonCode = "NotLocalController" },
        }, V201JsonContext.Default.PublishFirmwareResponse));
    }
}
