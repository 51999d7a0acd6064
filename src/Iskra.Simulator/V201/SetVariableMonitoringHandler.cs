using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V201.Messages;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V201;

/// <summary>2.0.1 N04 SetVariableMonitoring: each monitor stored with its id, or why not.</summary>
internal static class SetVariableMonitoringHandler
{
    public static ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        var request = Payloads.Read(call, V201JsonContext.Default.SetVariableMonitoringRequest);
        var model = station.DeviceModel;
        var results = request.SetMonitoringData.Select(data =>
        {
            var variable = model.Find(data.Component, data.Variable, out var componentKnown);
            var (status, id) = variable is null
                ? (componentKnown ? SetMonitoringStatusEnumType.UnknownVariable : SetMonitoringStatusEnumType.UnknownComponent, data.Id)
                : model.Monitors.Set(variable, data);
            if (status == SetMonitoringStatusEnumType.Accepted)
            {
                station.Log.Note($"Monitor {id}: {data.Type} {data.Value} on {variable!.Path}, severity {data.Severity}.");
            }

            return new SetMonitoringResultType
            {
                Id = id ?? data.Id,
                Status = status,
                Type = data.Type,
                Severity = data.Severity,
                Component = data.Component,
                Variable = data.Variable,
            };
        }).ToList();
        return ValueTask.FromResult(Payloads.Reply(new SetVariableMonitoringResponse { SetMonitoringResult = results }, V201JsonContext.Default.SetVariableMonitoringResponse));
    }
}
