using Iskra.Csms.RemoteControl;

namespace Iskra.Server.Api;

/// <summary>One OCPP 1.6 configuration key as Iskra last learned it (GetConfiguration, or an accepted ChangeConfiguration).</summary>
public sealed record ConfigurationKeyView(string Key, string? Value, bool? Readonly, DateTimeOffset UpdatedAt)
{
    public static ConfigurationKeyView From(StationConfigurationKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new(key.Key, key.Value, key.Readonly, key.UpdatedAt);
    }
}
