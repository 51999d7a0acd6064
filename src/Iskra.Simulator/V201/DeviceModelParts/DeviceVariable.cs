using System.Globalization;
using Iskra.Ocpp.V201.Messages;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V201.DeviceModelParts;

/// <summary>
/// One variable of the station's 2.0.1 device model (part 2 §4, appendix 3): where it lives (component,
/// instance, EVSE, connector), what it is (data type, unit, limits) and where its value comes from —
/// a 1.6 key of the station's configuration, a live reading of the model, or a setting of its own.
/// </summary>
internal sealed record DeviceVariable
{
    public required string Component { get; init; }

    public string? ComponentInstance { get; init; }

    public int? EvseId { get; init; }

    public int? ConnectorId { get; init; }

    public required string Variable { get; init; }

    public string? VariableInstance { get; init; }

    public MutabilityEnumType Mutability { get; init; } = MutabilityEnumType.ReadOnly;

    public required DataEnumType DataType { get; init; }

    public string? Unit { get; init; }

    /// <summary>The allowed values of an OptionList / MemberList / SequenceList.</summary>
    public string? ValuesList { get; init; }

    public decimal? MaxLimit { get; init; }

    /// <summary>The 1.6 configuration key that holds the value (the station reads one store).</summary>
    public string? Key { get; init; }

    /// <summary>A value read from the model as it is now (ReadOnly).</summary>
    public Func<SimStation, string>? Live { get; init; }

    /// <summary>The value of a setting that has no 1.6 key, until the CSMS sets it.</summary>
    public string? Initial { get; init; }

    /// <summary>A change takes effect after a reboot (SetVariables RebootRequired).</summary>
    public bool RebootRequired { get; init; }

    /// <summary>
    /// The name under which a setting without a 1.6 key is kept in the configuration store, as Iskra
    /// spells a variable: <c>Component[:instance][@evse[/connector]].Variable[.instance]</c>.
    /// </summary>
    public string Path
    {
        get
        {
            var path = Component;
            if (ComponentInstance is { } instance)
            {
                path += ":" + instance;
            }

            if (EvseId is { } evse)
            {
                path += "@" + evse.ToString(CultureInfo.InvariantCulture) + (ConnectorId is { } connector ? "/" + connector.ToString(CultureInfo.InvariantCulture) : "");
            }

            path += "." + Variable;
            return VariableInstance is { } variableInstance ? path + "." + variableInstance : path;
        }
    }

    /// <summary>Numbers can have threshold monitors; any readable variable a delta monitor (2.0.1 N04).</summary>
    public bool IsNumeric => DataType is DataEnumType.Integer or DataEnumType.Decimal;

    public ComponentType ComponentType => new()
    {
        Name = Component,
        Instance = ComponentInstance,
        Evse = EvseId is { } evse ? new EVSEType { Id = evse, ConnectorId = ConnectorId } : null,
    };

    public VariableType VariableType => new() { Name = Variable, Instance = VariableInstance };
}
