using Iskra.Ocpp.V201.Messages;

namespace Iskra.Simulator.V201.DeviceModelParts;

/// <summary>
/// The station's variable monitors (2.0.1 N02–N04) with the active monitoring base and level. The
/// simulator has no hard-wired or preconfigured monitors: every monitor is a custom one.
/// </summary>
internal sealed class VariableMonitors
{
    private readonly List<VariableMonitor> _monitors = [];
    private readonly Lock _lock = new();
    private int _nextId = 1;

    public MonitoringBaseEnumType Base { get; private set; } = MonitoringBaseEnumType.All;

    /// <summary>2.0.1 N05 ActiveMonitoringLevel: events of this severity or more urgent (lower) are reported; 9 reports all.</summary>
    public int Level { get; set; } = 9;

    public IReadOnlyList<VariableMonitor> All
    {
        get
        {
            lock (_lock)
            {
                return [.. _monitors];
            }
        }
    }

    /// <summary>Adds a monitor, or replaces the one with <see cref="SetMonitoringDataType.Id"/>.</summary>
    public (SetMonitoringStatusEnumType Status, int? Id) Set(DeviceVariable variable, SetMonitoringDataType data)
    {
        // 2.0.1 N04: thresholds apply to numbers; periodic monitors are not implemented by the simulator.
        if (data.Type is MonitorEnumType.Periodic or MonitorEnumType.PeriodicClockAligned
            || (data.Type is MonitorEnumType.UpperThreshold or MonitorEnumType.LowerThreshold && !variable.IsNumeric))
        {
            return (SetMonitoringStatusEnumType.UnsupportedMonitorType, null);
        }

        // Severity is 0 (Danger) to 9 (Debug); a delta is a size, never negative; a write-only value cannot be watched.
        if (data.Severity is < 0 or > 9 || (data.Type == MonitorEnumType.Delta && data.Value < 0) || variable.Mutability == MutabilityEnumType.WriteOnly)
        {
            return (SetMonitoringStatusEnumType.Rejected, null);
        }

        lock (_lock)
        {
            if (data.Id is { } id)
            {
                var index = _monitors.FindIndex(m => m.Id == id);
                if (index < 0)
                {
                    return (SetMonitoringStatusEnumType.Rejected, null);
                }

                _monitors[index] = new VariableMonitor(id, variable, data.Type, data.Value, data.Severity, data.Transaction ?? false);
                return (SetMonitoringStatusEnumType.Accepted, id);
            }

            if (_monitors.Any(m => ReferenceEquals(m.Variable, variable) && m.Type == data.Type && m.Severity == data.Severity))
            {
                return (SetMonitoringStatusEnumType.Duplicate, null);
            }

            var monitor = new VariableMonitor(_nextId++, variable, data.Type, data.Value, data.Severity, data.Transaction ?? false);
            _monitors.Add(monitor);
            return (SetMonitoringStatusEnumType.Accepted, monitor.Id);
        }
    }

    /// <summary>Removes a monitor (N06 ClearVariableMonitoring); false when there is none with that id.</summary>
    public bool Clear(int id)
    {
        lock (_lock)
        {
            return _monitors.RemoveAll(m => m.Id == id) > 0;
        }
    }

    /// <summary>N03 SetMonitoringBase: FactoryDefault and HardWiredOnly remove the custom monitors.</summary>
    public void SetBase(MonitoringBaseEnumType monitoringBase)
    {
        lock (_lock)
        {
            Base = monitoringBase;
            if (monitoringBase != MonitoringBaseEnumType.All)
            {
                _monitors.Clear();
            }
        }
    }
}
