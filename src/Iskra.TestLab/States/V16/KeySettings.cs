using System.Globalization;
using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;

namespace Iskra.TestLab.States.V16;

/// <summary>
/// The documents' "Configuration State(s)" and the reusable state <i>GetConfiguration</i> (OCTT 1.6 Table 103):
/// a case reads keys, sets the ones it needs before its steps and puts back what it changed in a <c>finally</c>
/// (OCPP 1.6 §5.3 ChangeConfiguration, §5.8 GetConfiguration).
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

    /// <summary>An integer as a configuration value.</summary>
    public static string Value(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Sets <paramref name="key"/> to <paramref name="value"/> unless it already has it, and remembers the old
    /// value for <see cref="RestoreAsync"/>. Returns false when the station does not implement the key (an
    /// "(If implemented)" key of the document). A read-only key at another value means the station cannot be
    /// brought into the case's state: the case stops as skipped. A refusal of a writable key is a finding and
    /// stops the case.
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

        if (current is { Readonly: true })
        {
            throw new CaseStoppedException($"{key} is read-only with the value '{current.Value}'; the case needs '{value}'", skipped: true);
        }

        var answer = await t.SendAsync(V16Calls.ChangeConfiguration, new ChangeConfigurationRequest { Key = key, Value = value }, step, "OCPP 1.6 §5.3 ChangeConfiguration").ConfigureAwait(false);
        if (answer.Status == ConfigurationStatus.NotSupported && ifImplemented)
        {
            return false;
        }

        t.Require(answer.Status == ConfigurationStatus.Accepted, step, $"ChangeConfiguration.conf status is Accepted for {key} = {value} (the case's configuration state)",
            $"status is {answer.Status}" + (current is null ? $"; GetConfiguration does not report {key}" : $"; {key} is {current.Value}"),
            $"Implement the configuration key {key} of OCPP 1.6 §9 as writable and apply {value} at once (ChangeConfiguration, OCPP 1.6 §5.3).", requirement: "OCPP 1.6 §5.3 ChangeConfiguration");
        Remember(key, current?.Value);
        return true;
    }

    /// <summary>Each key that the station implements, set as <see cref="SetAsync"/> does.</summary>
    public async Task SetIfImplementedAsync(CaseContext t, string step, params (string Key, string Value)[] keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var (key, value) in keys)
        {
            await SetAsync(t, key, value, step, ifImplemented: true).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Remembers the value to put back for a key that the case changes itself (its ChangeConfiguration is a
    /// step of the case); the first value remembered for a key wins. A null value (the key was unknown) is not kept.
    /// </summary>
    public void Remember(string key, string? value)
    {
        if (value is not null)
        {
            _previous.TryAdd(key, value);
        }
    }

    /// <summary>Puts back every key changed; a refusal is a finding but does not stop the return to idle.</summary>
    public async Task RestoreAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        foreach (var (key, value) in _previous)
        {
            try
            {
                await t.SendAsync(V16Calls.ChangeConfiguration, new ChangeConfigurationRequest { Key = key, Value = value }, "restore", "OCPP 1.6 §5.3 ChangeConfiguration").ConfigureAwait(false);
            }
            catch (CaseStoppedException)
            {
                // the finding is recorded; the lab goes on with the return to idle
            }
        }

        _previous.Clear();
    }
}
