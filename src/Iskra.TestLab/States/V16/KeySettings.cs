using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;

namespace Iskra.TestLab.States.V16;

/// <summary>
/// The documents' "Configuration State(s)": a case sets the keys it needs before its steps and puts back
/// what it changed afterwards (OCPP 1.6 §5.3 ChangeConfiguration, §5.8 GetConfiguration).
/// </summary>
public sealed class KeySettings
{
    private readonly Dictionary<string, string> _previous = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The value the station reports for <paramref name="key"/>, or null when it does not know the key.</summary>
    public static async Task<KeyValue?> GetAsync(CaseContext t, string key, string step)
    {
        ArgumentNullException.ThrowIfNull(t);
        var answer = await t.SendAsync(V16Calls.GetConfiguration, new GetConfigurationRequest { Key = [key] }, step, "OCPP 1.6 §5.8 GetConfiguration").ConfigureAwait(false);
        return answer.ConfigurationKey?.FirstOrDefault(k => string.Equals(k.Key, key, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Sets <paramref name="key"/> to <paramref name="value"/> unless it already has it, and remembers the old
    /// value for <see cref="RestoreAsync"/>. Returns false when the station does not implement the key (an
    /// "(If implemented)" key of the document); a refusal of an implemented key is a finding and stops the case.
    /// </summary>
    public async Task<bool> SetAsync(CaseContext t, string key, string value, string step, bool ifImplemented = false)
    {
        ArgumentNullException.ThrowIfNull(t);
        var current = await GetAsync(t, key, step).ConfigureAwait(false);
        if (current is null && ifImplemented)
        {
            return false;
        }

        if (current?.Value is { } old && string.Equals(old, value, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var answer = await t.SendAsync(V16Calls.ChangeConfiguration, new ChangeConfigurationRequest { Key = key, Value = value }, step, "OCPP 1.6 §5.3 ChangeConfiguration").ConfigureAwait(false);
        if (answer.Status == ConfigurationStatus.NotSupported && ifImplemented)
        {
            return false;
        }

        t.Require(answer.Status == ConfigurationStatus.Accepted, step, $"ChangeConfiguration.conf status is Accepted for {key}={value} (the case's configuration state)",
            $"status is {answer.Status}" + (current is null ? $"; GetConfiguration does not report {key}" : $"; {key} is {current.Value} (readonly: {current.Readonly})"),
            $"Implement the configuration key {key} of OCPP 1.6 §9 as writable and apply {value} at once (ChangeConfiguration, OCPP 1.6 §5.3).", requirement: "OCPP 1.6 §5.3 ChangeConfiguration");
        if (current?.Value is { } previous && !_previous.ContainsKey(key))
        {
            _previous[key] = previous;
        }

        return true;
    }

    /// <summary>Puts back every key <see cref="SetAsync"/> changed.</summary>
    public async Task RestoreAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        foreach (var (key, value) in _previous)
        {
            await t.SendAsync(V16Calls.ChangeConfiguration, new ChangeConfigurationRequest { Key = key, Value = value }, "restore", "OCPP 1.6 §5.3 ChangeConfiguration").ConfigureAwait(false);
        }

        _previous.Clear();
    }
}
