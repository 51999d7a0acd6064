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

        if (string.Equals(name, "AuthorizationKey", StringComparison.OrdinalIgnoreCase))
        {
            // 1.6 security A00.FR.205: 16 to 40 characters (up to 20 bytes as hexadecimal digits); the station
            // reconnects with it (A01) and never reports it (write-only).
            if (value.Length is < 16 or > 40 || !value.All(c => char.IsAsciiLetterOrDigit(c) || "*-_=:+|@.".Contains(c, StringComparison.Ordinal)))
            {
                return ConfigurationChange.Rejected;
            }

            station.RotatePassword(value);
            return ConfigurationChange.Accepted;
        }

        if (string.Equals(name, "SecurityProfile", StringComparison.OrdinalIgnoreCase))
        {
            // 1.6 security A05.FR.01: never the same or a lower profile; A05.FR.02-04: a higher one only with its
            // prerequisites, which this station has when it already connects that way (its URL and certificate are fixed).
            if (!int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var profile)
                || profile <= station.Configuration.GetInt("SecurityProfile", 0) || profile > 3 || !Capable(station, profile))
            {
                return ConfigurationChange.Rejected;
            }
        }

        var change = station.Configuration.TrySet(name, value);
        if (change is ConfigurationChange.Accepted or ConfigurationChange.RebootRequired)
        {
            station.Log.Note($"{name} set to {station.Configuration.Get(name)}{(change == ConfigurationChange.RebootRequired ? " (after a reboot)" : "")}.");
        }

        return change;
    }

    private static bool Capable(SimStation station, int profile) => profile switch
    {
        1 => station.Password is not null,
        2 => station.Password is not null && station.Options.CsmsUrl.Scheme == "wss",
        _ => station.Options.ClientCertificate is not null && station.Options.CsmsUrl.Scheme == "wss",
    };
}
