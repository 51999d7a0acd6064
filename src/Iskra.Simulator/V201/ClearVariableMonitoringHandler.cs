using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V201.Messages;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V201;

/// <summary>2.0.1 N06 ClearVariableMonitoring: Accepted for each monitor removed, NotFound for an id the station has not.</summary>
internal static class ClearVariableMonitoringHandler
{
    public static ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        var request = Payloads.Read(call, V201JsonContext.Default.ClearVariableMonitoringRequest);
        var results = request.Id.Select(id => new ClearMonitoringResultType
        {
            Id = id,
            Status = station.DeviceModel.Monitors.Clear(id) ? ClearMonitoringStatusEnumType.Accepted : ClearMonitoringStatusEnumType.NotFound,
        }).ToList();
        return ValueTask.FromResult(Payloads.Reply(new ClearVariableMonitoringResponse { ClearMonitoringResult = results }, V201JsonContext.Default.ClearVariableMonitoringResponse));
    }
}
