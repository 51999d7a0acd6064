namespace Iskra.Simulator.Configuration;

/// <summary>The outcome of a change asked by the CSMS, in the 1.6 ConfigurationStatus spelling (1.6 §6.9).</summary>
public enum ConfigurationChange
{
    Accepted,

    /// <summary>The key is read-only or the value is not of the key's kind.</summary>
    Rejected,

    /// <summary>Stored; takes effect after a reboot.</summary>
    RebootRequired,

    /// <summary>No such key.</summary>
    NotSupported,
}
