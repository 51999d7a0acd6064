using Iskra.Ocpp.V201.Messages;

namespace Iskra.Simulator.V201.DeviceModelParts;

/// <summary>A monitor the CSMS set on a variable (2.0.1 N04 SetVariableMonitoring).</summary>
internal sealed record VariableMonitor(int Id, DeviceVariable Variable, MonitorEnumType Type, decimal Value, int Severity, bool Transaction)
{
    public VariableMonitoringType ToMonitoring() => new() { Id = Id, Transaction = Transaction, Value = Value, Type = Type, Severity = Severity };
}
