using Iskra.Csms.Reports;

namespace Iskra.Server.Api;

/// <summary>One attribute of one 2.0.1 device-model variable (NotifyReport, GetVariables, an accepted SetVariables).</summary>
public sealed record DeviceModelVariableView(
    string Component,
    string? ComponentInstance,
    int? EvseId,
    int? ConnectorId,
    string Variable,
    string? VariableInstance,
    string AttributeType,
    string? Value,
    string? Mutability,
    string? DataType,
    string? Unit,
    DateTimeOffset UpdatedAt)
{
    public static DeviceModelVariableView From(DeviceModelVariable v)
    {
        ArgumentNullException.ThrowIfNull(v);
        return new(
            v.Component, v.ComponentInstance.Length == 0 ? null : v.ComponentInstance, v.EvseId == 0 ? null : v.EvseId, v.ConnectorId == 0 ? null : v.ConnectorId,
            v.Variable, v.VariableInstance.Length == 0 ? null : v.VariableInstance, v.AttributeType, v.Value, v.Mutability, v.DataType, v.Unit, v.UpdatedAt);
    }
}
