using Iskra.Ocpp.V201.Messages;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V201.DeviceModelParts;

/// <summary>The device-model reports: which variables a base report or criteria select, and their NotifyReport messages.</summary>
internal static class DeviceReport
{
    /// <summary>B07 GetBaseReport: everything, what the CSMS can set, or the availability and problem summary.</summary>
    public static IReadOnlyList<DeviceVariable> Base(DeviceModel model, ReportBaseEnumType reportBase) => reportBase switch
    {
        ReportBaseEnumType.ConfigurationInventory => [.. model.Variables.Where(v => v.Mutability != MutabilityEnumType.ReadOnly)],
        ReportBaseEnumType.SummaryInventory => [.. model.Variables.Where(v => v.Variable is "AvailabilityState" or "Available" or "Problem")],
        _ => model.Variables,
    };

    /// <summary>
    /// B08 GetReport: the variables the componentVariable entries name (all when none), of the components
    /// that meet a componentCriteria entry (any when none): a criterion holds when the component's
    /// variable of that name (Active, Available, Enabled, Problem) is true.
    /// </summary>
    public static IReadOnlyList<DeviceVariable> Select(DeviceModel model, IReadOnlyList<ComponentVariableType>? componentVariables, IReadOnlyList<ComponentCriterionEnumType>? criteria)
    {
        IEnumerable<DeviceVariable> selected = componentVariables is { Count: > 0 }
            ? componentVariables.SelectMany(model.Matching).Distinct()
            : model.Variables;
        if (criteria is { Count: > 0 })
        {
            var names = criteria.Select(c => c.ToString()).ToList();
            var meeting = model.Variables
                .Where(v => v.VariableInstance is null && names.Contains(v.Variable, StringComparer.Ordinal) && model.Read(v) == "true")
                .Select(Of)
                .ToHashSet();
            selected = selected.Where(v => meeting.Contains(Of(v)));
        }

        var chosen = selected.ToHashSet();
        return [.. model.Variables.Where(chosen.Contains)];
    }

    /// <summary>Queues the NotifyReport messages of the report <paramref name="requestId"/>.</summary>
    public static void Send(SimStation station, int requestId, IReadOnlyList<DeviceVariable> variables) =>
        ReportMessages.Send(station, "NotifyReport", variables, (part, seqNo, tbc, generatedAt) => Payloads.ToObject(
            new NotifyReportRequest
            {
                RequestId = requestId,
                GeneratedAt = generatedAt,
                SeqNo = seqNo,
                Tbc = tbc,
                ReportData = [.. part.Select(station.DeviceModel.Report)],
            },
            V201JsonContext.Default.NotifyReportRequest));

    private static (string, string?, int?, int?) Of(DeviceVariable v) => (v.Component, v.ComponentInstance, v.EvseId, v.ConnectorId);
}
