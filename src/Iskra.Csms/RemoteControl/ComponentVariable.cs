using Iskra.Ocpp.V201.Messages;

namespace Iskra.Csms.RemoteControl;

/// <summary>A 2.0.1 device-model variable: component (with instance and EVSE) and variable (with instance).</summary>
public sealed record ComponentVariable(
    string Component,
    string Variable,
    string? ComponentInstance = null,
    string? VariableInstance = null,
    int? EvseId = null,
    int? ConnectorId = null)
{
    /// <summary>The 2.0.1 ComponentType.</summary>
    public ComponentType ComponentType() => new()
    {
        Name = Component,
        Instance = ComponentInstance,
        Evse = EvseId is { } evse ? new EVSEType { Id = evse, ConnectorId = ConnectorId } : null,
    };

    /// <summary>The 2.0.1 VariableType.</summary>
    public VariableType VariableType() => new() { Name = Variable, Instance = VariableInstance };
}
