using Iskra.Simulator.Stations;

namespace Iskra.Simulator.Configuration;

/// <summary>A change of a 1.6 key asked by the CSMS (ChangeConfiguration, or SetVariables of a variable the key backs).</summary>
internal static class ConfigurationChanges
{
    public static ConfigurationChange Apply(SimStation station, string name, string value)
    {
        if (string.Equals(name, "HeartbeatInterval", StringComparison.OrdinalIgnoreCase))
        {
            // 1.6 §9.1.10 / 2.0.1 B01: the new interval applies at once (unless the station ignores it).
            if (station.Configuration.Find(name) is not { } key || ConfigurationStore.Normalize(key, value) is not { } normalized)
            {
                return ConfigurationChange.Rejected;
            }

            station.SetHeartbeatInterval(int.Parse(normalized, System.Globalization.CultureInfo.InvariantCulture));
            station.Log.Note($"HeartbeatInterval set to {normalized} s.");
            return ConfigurationChange.Accepted;
        }

        var change = station.Configuration.TrySet(name, value);
        if (change is ConfigurationChange.Accepted or ConfigurationChange.RebootRequired)
        {
            station.Log.Note($"{name} set to {station.Configuration.Get(name)}{(change == ConfigurationChange.RebootRequired ? " (after a reboot)" : "")}.");
        }

        return change;
    }
}
