namespace Iskra.Simulator.Configuration;

/// <summary>The kind of value a configuration key takes, used to refuse a bad ChangeConfiguration.</summary>
public enum ConfigurationValueKind
{
    Text,
    Number,
    Boolean,
    /// <summary>A comma-separated list (measurands, profiles).</summary>
    List,
}

/// <summary>One configuration key (1.6 name) with its value, whether it is read-only and its kind.</summary>
public sealed class ConfigurationKey(string name, string value, bool readOnly, ConfigurationValueKind kind, bool rebootRequired = false)
{
    public string Name { get; } = name;

    public string Value { get; internal set; } = value;

    public bool ReadOnly { get; } = readOnly;

    public ConfigurationValueKind Kind { get; } = kind;

    /// <summary>A change takes effect after a reboot (1.6 ChangeConfiguration RebootRequired).</summary>
    public bool RebootRequired { get; } = rebootRequired;
}
