using Iskra.Ocpp.V201.Messages;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V201.DeviceModelParts;

/// <summary>Builds a station's list of device-model variables, one line per variable.</summary>
internal sealed class VariableList(SimStation station)
{
    private readonly List<DeviceVariable> _items = [];

    public IReadOnlyList<DeviceVariable> Items => _items;

    public SimStation Station { get; } = station;

    /// <summary>A variable that means the same as a 1.6 key: it reads and writes that key (read-only when the key is).</summary>
    public void Key(string component, string variable, string key, DataEnumType type, string? instance = null, string? unit = null, string? values = null)
    {
        if (Station.Configuration.Find(key) is not { } found)
        {
            return;
        }

        _items.Add(new DeviceVariable
        {
            Component = component,
            Variable = variable,
            VariableInstance = instance,
            Key = found.Name,
            Mutability = found.ReadOnly ? MutabilityEnumType.ReadOnly : MutabilityEnumType.ReadWrite,
            DataType = type,
            Unit = unit,
            ValuesList = values,
            RebootRequired = found.RebootRequired,
        });
    }

    /// <summary>A read-only value that never changes.</summary>
    public void Fixed(string component, string variable, DataEnumType type, string value, string? instance = null, string? unit = null, decimal? maxLimit = null, string? values = null) =>
        _items.Add(new DeviceVariable
        {
            Component = component,
            Variable = variable,
            VariableInstance = instance,
            DataType = type,
            Live = _ => value,
            Unit = unit,
            MaxLimit = maxLimit,
            ValuesList = values,
        });

    /// <summary>A read-only value read from the model when asked.</summary>
    public void Live(string component, string variable, DataEnumType type, Func<SimStation, string> read, string? unit = null, decimal? maxLimit = null, string? values = null) =>
        _items.Add(new DeviceVariable { Component = component, Variable = variable, DataType = type, Live = read, Unit = unit, MaxLimit = maxLimit, ValuesList = values });

    /// <summary>A setting of the 2.0.1 device model that has no 1.6 key (kept in the store under its path once set).</summary>
    public void Setting(string component, string variable, DataEnumType type, string initial, string? instance = null, string? unit = null, string? values = null, MutabilityEnumType mutability = MutabilityEnumType.ReadWrite) =>
        _items.Add(new DeviceVariable
        {
            Component = component,
            Variable = variable,
            VariableInstance = instance,
            Mutability = mutability,
            DataType = type,
            Initial = initial,
            Unit = unit,
            ValuesList = values,
        });

    public void Add(DeviceVariable variable) => _items.Add(variable);
}
