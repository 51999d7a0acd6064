using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V201.Messages;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V201;

/// <summary>2.0.1 N05 SetMonitoringLevel: a severity of 0 to 9 is Accepted and kept, any other Rejected.</summary>
internal static class SetMonitoringLevelHandler
{
    public static ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        var request = Payloads.Read(call, V201JsonContext.Default.SetMonitoringLevelRequest);
        var accepted = request.Severity is >= 0 and <= 9;
        if (accepted)
        {
            station.DeviceModel.Monitors.Level = request.Severity;
        }

        return ValueTask.FromResult(Payloads.Reply(
            new SetMonitoringLevelResponse { Status = accepted ? GenericStatusEnumType.Accepted : GenericStatusEnumType.Rejected },
            V201JsonContext.Default.SetMonitoringLevelResponse));
    }
}
