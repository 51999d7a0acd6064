using Iskra.Ocpp.V201.Messages;
using Iskra.Simulator.Configuration;
using Iskra.Simulator.Stations;
using Iskra.Simulator.V201.DeviceModelParts;

namespace Iskra.Simulator.V201;

/// <summary>
/// The station's 2.0.1 device model (part 1 §4, part 2 appendix 3): its components and variables,
/// read from and written to the station's one configuration store, its variable monitors and its
/// network profiles. Component and variable names compare case-insensitively (ComponentType.name).
/// </summary>
internal sealed class DeviceModel(SimStation station)
{
    private readonly Lazy<IReadOnlyList<DeviceVariable>> _variables = new(() => Build(station));
    private readonly Dictionary<int, NetworkConnectionProfileType> _networkProfiles = [];
    private readonly MonitorWatch _watch = new(station);

    public IReadOnlyList<DeviceVariable> Variables => _variables.Value;

    public VariableMonitors Monitors { get; } = new();

    /// <summary>The network profiles the CSMS stored, by configuration slot (B09); the station keeps its own connection.</summary>
    public IReadOnlyDictionary<int, NetworkConnectionProfileType> NetworkProfiles
    {
        get
        {
            lock (_networkProfiles)
            {
                return new Dictionary<int, NetworkConnectionProfileType>(_networkProfiles);
            }
        }
    }

    /// <summary>The variable named exactly (GetVariables, SetVariables, SetVariableMonitoring); <paramref name="componentKnown"/> tells UnknownComponent from UnknownVariable.</summary>
    public DeviceVariable? Find(ComponentType component, VariableType variable, out bool componentKnown)
    {
        var ofComponent = Variables.Where(v => IsComponent(v, component)).ToList();
        componentKnown = ofComponent.Count > 0;
        return ofComponent.FirstOrDefault(v => Same(v.Variable, variable.Name) && Same(v.VariableInstance, variable.Instance));
    }

    /// <summary>
    /// The variables a report criterion names (B08 GetReport componentVariable, N02 GetMonitoringReport):
    /// an absent instance, EVSE, connector or variable matches any.
    /// </summary>
    public IEnumerable<DeviceVariable> Matching(ComponentVariableType criterion) => Variables.Where(v =>
        Same(v.Component, criterion.Component.Name)
        && (criterion.Component.Instance is null || Same(v.ComponentInstance, criterion.Component.Instance))
        && (criterion.Component.Evse is not { } evse || (v.EvseId == evse.Id && (evse.ConnectorId is null || v.ConnectorId == evse.ConnectorId)))
        && (criterion.Variable is not { } variable || (Same(v.Variable, variable.Name) && (variable.Instance is null || Same(v.VariableInstance, variable.Instance)))));

    /// <summary>The Actual value; null for a write-only variable (never reported).</summary>
    public string? Read(DeviceVariable variable) =>
        variable.Mutability == MutabilityEnumType.WriteOnly ? null
        : variable.Live is { } live ? live(station)
        : variable.Key is { } key ? station.Configuration.Get(key)
        : station.Configuration.Get(variable.Path) ?? variable.Initial;

    /// <summary>Sets the Actual value as the CSMS asks (B05): Rejected for a read-only variable or a value not of its type.</summary>
    public SetVariableStatusEnumType Write(DeviceVariable variable, string value)
    {
        if (variable.Mutability == MutabilityEnumType.ReadOnly || VariableValues.Normalize(variable, value) is not { } normalized)
        {
            return SetVariableStatusEnumType.Rejected;
        }

        if (variable.Key is { } key)
        {
            return ConfigurationChanges.Apply(station, key, normalized) switch
            {
                ConfigurationChange.Accepted => SetVariableStatusEnumType.Accepted,
                ConfigurationChange.RebootRequired => SetVariableStatusEnumType.RebootRequired,
                _ => SetVariableStatusEnumType.Rejected,
            };
        }

        station.Configuration.SetInternal(variable.Path, normalized);
        station.Log.Note($"{variable.Path} set.");
        return variable.RebootRequired ? SetVariableStatusEnumType.RebootRequired : SetVariableStatusEnumType.Accepted;
    }

    /// <summary>One variable as a report lists it (B07/B08 NotifyReport reportData).</summary>
    public ReportDataType Report(DeviceVariable variable) => new()
    {
        Component = variable.ComponentType,
        Variable = variable.VariableType,
        VariableAttribute =
        [
            new VariableAttributeType
            {
                Type = AttributeEnumType.Actual,
                Value = Read(variable),
                Mutability = variable.Mutability,
                Persistent = variable.Live is null ? true : null, // settings survive a reboot; readings are not settings
            },
        ],
        VariableCharacteristics = new VariableCharacteristicsType
        {
            DataType = variable.DataType,
            Unit = variable.Unit,
            MaxLimit = variable.MaxLimit,
            ValuesList = variable.ValuesList,
            SupportsMonitoring = variable.Mutability != MutabilityEnumType.WriteOnly,
        },
    };

    /// <summary>Checks the monitors against the model as it is now and reports what they see (N07); called every tick, under the station's lock.</summary>
    public void Watch()
    {
        if (station.Version == Ocpp.OcppVersion.V201)
        {
            _watch.Check(this);
        }
    }

    /// <summary>B09 SetNetworkProfile: kept for the slot; the station does not switch to it by itself.</summary>
    public void StoreNetworkProfile(int slot, NetworkConnectionProfileType profile)
    {
        lock (_networkProfiles)
        {
            _networkProfiles[slot] = profile;
        }
    }

    private static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static bool IsComponent(DeviceVariable v, ComponentType component) =>
        Same(v.Component, component.Name)
        && Same(v.ComponentInstance, component.Instance)
        && v.EvseId == component.Evse?.Id
        && v.ConnectorId == component.Evse?.ConnectorId;

    private static IReadOnlyList<DeviceVariable> Build(SimStation station)
    {
        var list = new VariableList(station);
        ControllerVariables.AddTo(list);
        PhysicalVariables.AddTo(list);
        return list.Items;
    }
}
