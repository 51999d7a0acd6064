using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V201.Messages;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V201;

/// <summary>2.0.1 N03 SetMonitoringBase: Accepted; FactoryDefault and HardWiredOnly remove the custom monitors.</summary>
internal static class SetMonitoringBaseHandler
{
    public static ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        var request = Payloads.Read(call, V201JsonContext.Default.SetMonitoringBaseRequest);
        station.DeviceModel.Monitors.SetBase(request.MonitoringBase);
        station.Log.Note($"Monitoring base {request.MonitoringBase}.");
        return ValueTask.FromResult(Payloads.Reply(new SetMonitoringBaseResponse { Status = GenericDeviceModelStatusEnumType.Accepted }, V201JsonContext.Default.SetMonitoringBaseResponse));
    }
}
