using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V201.Messages;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.Stations;
using Iskra.Simulator.V201.DeviceModelParts;

namespace Iskra.Simulator.V201;

/// <summary>
/// 2.0.1 N02 GetMonitoringReport: the monitors of the named variables (all when none) of the asked
/// kinds (all when none), Accepted and sent in NotifyMonitoringReport messages, or EmptyResultSet.
/// </summary>
internal static class GetMonitoringReportHandler
{
    public static ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        var request = Payloads.Read(call, V201JsonContext.Default.GetMonitoringReportRequest);
        var model = station.DeviceModel;
        var named = request.ComponentVariable is { Count: > 0 } criteria ? criteria.SelectMany(model.Matching).ToHashSet() : null;
        var kinds = request.MonitoringCriteria is { Count: > 0 } monitoring ? monitoring : null;
        var monitors = model.Monitors.All
            .Where(m => named is null || named.Contains(m.Variable))
            .Where(m => kinds is null || kinds.Contains(Criterion(m.Type)))
            .GroupBy(m => m.Variable)
            .Select(g => new MonitoringDataType
            {
                Component = g.Key.ComponentType,
                Variable = g.Key.VariableType,
                VariableMonitoring = [.. g.Select(m => m.ToMonitoring())],
            })
            .ToList();
        if (monitors.Count > 0)
        {
            ReportMessages.Send(station, "NotifyMonitoringReport", monitors, (part, seqNo, tbc, generatedAt) => Payloads.ToObject(
                new NotifyMonitoringReportRequest { RequestId = request.RequestId, SeqNo = seqNo, Tbc = tbc, GeneratedAt = generatedAt, Monitor = part },
                V201JsonContext.Default.NotifyMonitoringReportRequest));
        }

        var status = monitors.Count > 0 ? GenericDeviceModelStatusEnumType.Accepted : GenericDeviceModelStatusEnumType.EmptyResultSet;
        return ValueTask.FromResult(Payloads.Reply(new GetMonitoringReportResponse { Status = status }, V201JsonContext.Default.GetMonitoringReportResponse));
    }

    private static MonitoringCriterionEnumType Criterion(MonitorEnumType type) => type switch
    {
        MonitorEnumType.UpperThreshold or MonitorEnumType.LowerThreshold => MonitoringCriterionEnumType.ThresholdMonitoring,
        MonitorEnumType.Delta => MonitoringCriterionEnumType.DeltaMonitoring,
        _ => MonitoringCriterionEnumType.PeriodicMonitoring,
    };
}
