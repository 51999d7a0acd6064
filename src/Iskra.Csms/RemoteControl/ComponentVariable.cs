using System.Text.Json.Nodes;

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
    /// <summary>The 2.0.1 ComponentType object.</summary>
    public JsonObject ComponentJson()
    {
        var component = new JsonObject { ["name"] = Component };
        if (ComponentInstance is not null)
        {
            component["instance"] = ComponentInstance;
        }

        if (EvseId is { } evse)
        {
            var evseJson = new JsonObject { ["id"] = evse };
            if (ConnectorId is { } connector)
            {
                evseJson["connectorId"] = connector;
            }

            component["evse"] = evseJson;
        }

        return component;
    }

    /// <summary>The 2.0.1 VariableType object.</summary>
    public JsonObject VariableJson()
    {
        var variable = new JsonObject { ["name"] = Variable };
        if (VariableInstance is not null)
        {
            variable["instance"] = VariableInstance;
        }

        return variable;
    }
}
