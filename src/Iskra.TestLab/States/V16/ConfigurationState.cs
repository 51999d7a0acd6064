using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;

namespace Iskra.TestLab.States.V16;

/// <summary>
/// A document's "Configuration State(s)": the keys a case sets before its steps, and the old values put back
/// afterwards. A key the station does not report is not implemented ("(If implemented)"): it is left alone.
/// </summary>
public sealed class ConfigurationState
{
    private readonly List<KeyValuePair<string, string>> _previous = [];

    private ConfigurationState()
    {
    }

    /// <summary>Sets each key that the station has and that differs; returns what to restore.</summary>
    public static async Task<ConfigurationState> SetAsync(CaseContext t, params (string Key, string Value)[] keys)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(keys);
        var state = new ConfigurationState();
        var current = await t.SendAsync(V16Calls.GetConfiguration, new GetConfigurationRequest { Key = [.. keys.Select(k => k.Key)] }, "before", "OCPP 1.6 §5.8 GetConfiguration").ConfigureAwait(false);
        foreach (var (key, value) in keys)
        {
            var old = current.ConfigurationKey?.FirstOrDefault(k => string.Equals(k.Key, key, StringComparison.OrdinalIgnoreCase));
            if (old is null || string.Equals(old.Value, value, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var (error, answer) = await t.TrySendAsync(V16Calls.ChangeConfiguration, new ChangeConfigurationRequest { Key = key, Value = value }, "before").ConfigureAwait(false);
            if (error is null && answer!.Status is ConfigurationStatus.Accepted or ConfigurationStatus.RebootRequired && old.Value is not null)
            {
                state._previous.Add(new(key, old.Value));
            }
        }

        return state;
    }

    /// <summary>Puts back the values that were changed.</summary>
    public async Task RestoreAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        foreach (var (key, value) in _previous)
        {
            await t.TrySendAsync(V16Calls.ChangeConfiguration, new ChangeConfigurationRequest { Key = key, Value = value }, "after").ConfigureAwait(false);
        }
    }
}
