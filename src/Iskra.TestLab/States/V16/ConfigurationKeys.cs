using System.Globalization;
using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;

namespace Iskra.TestLab.States.V16;

/// <summary>
/// The documents' configuration states (OCTT 1.6 "Before: Configuration State(s)") and the reusable state
/// <i>GetConfiguration</i> (Table 103): read one key, set keys for a case and put them back afterwards.
/// </summary>
public static class ConfigurationKeys
{
    /// <summary>Reusable state <i>GetConfiguration</i>: the key as the station reports it, or null when it does not know it.</summary>
    public static async Task<KeyValue?> GetAsync(CaseContext t, string key, string step)
    {
        ArgumentNullException.ThrowIfNull(t);
        var answer = await t.SendAsync(V16Calls.GetConfiguration, new GetConfigurationRequest { Key = [key] }, step, "OCPP 1.6 §5.8 GetConfiguration").ConfigureAwait(false);
        return answer.ConfigurationKey?.FirstOrDefault(k => string.Equals(k.Key, key, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Sets the keys a case needs (key → value) and returns their previous values for <see cref="RestoreAsync"/>.
    /// A key already at the value is left alone; an <paramref name="optional"/> key the station does not know is
    /// skipped (the documents allow it, e.g. MinimumStatusDuration). A read-only key at another value means the
    /// station cannot be brought into the case's state: the case stops as skipped. A refused change is a finding.
    /// </summary>
    public static async Task<IReadOnlyList<KeyValuePair<string, string>>> SetAsync(CaseContext t, string step, IReadOnlyList<KeyValuePair<string, string>> values, params string[] optional)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(values);
        List<KeyValuePair<string, string>> previous = [];
        foreach (var (key, value) in values)
        {
            var current = await GetAsync(t, key, step).ConfigureAwait(false);
            if (current is null && optional.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            if (current is not null && string.Equals(current.Value, value, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (current is { Readonly: true })
            {
                throw new CaseStoppedException($"{key} is read-only with the value '{current.Value}'; the case needs '{value}'", skipped: true);
            }

            var change = await t.SendAsync(V16Calls.ChangeConfiguration, new ChangeConfigurationRequest { Key = key, Value = value }, step, "OCPP 1.6 §5.3 ChangeConfiguration").ConfigureAwait(false);
            t.Require(change.Status == ConfigurationStatus.Accepted, step, $"ChangeConfiguration.conf status is Accepted for {key} = {value}", $"status is {change.Status}" + (current is null ? $" ({key} is not in GetConfiguration.conf)" : string.Empty),
                $"Implement the configuration key {key} (OCPP 1.6 §9.1) as read-write and accept a valid value with status Accepted (OCPP 1.6 §5.3).", requirement: "OCPP 1.6 §5.3 ChangeConfiguration");
            if (current?.Value is { } old)
            {
                previous.Add(new(key, old));
            }
        }

        return previous;
    }

    /// <summary>Puts back what <see cref="SetAsync"/> changed; a refusal is a finding but does not stop the return to idle.</summary>
    public static async Task RestoreAsync(CaseContext t, IReadOnlyList<KeyValuePair<string, string>>? previous)
    {
        ArgumentNullException.ThrowIfNull(t);
        foreach (var (key, value) in previous ?? [])
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
    }

    /// <summary>An integer as a configuration value.</summary>
    public static string Value(int value) => value.ToString(CultureInfo.InvariantCulture);
}
