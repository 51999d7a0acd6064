using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Core;

/// <summary>OCTT 1.6 Table 26: ChangeConfiguration of MeterValueSampleInterval, then GetConfiguration reports the new value.</summary>
public sealed class TC_021_CS : LabCase
{
    private const string Key = "MeterValueSampleInterval";

    public override CaseInfo Info { get; } = new("TC_021_CS", "Change/set Configuration", "Core", "OCTT 1.6 §2.8.2")
    {
        Requirements = ["OCPP 1.6 §5.3 ChangeConfiguration", "OCPP 1.6 §5.8 GetConfiguration", "OCPP 1.6 §9.1.19 MeterValueSampleInterval"],
    };

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var wanted = KeySettings.Value(t.Settings.MeterValueSampleInterval);
        var keys = new KeySettings();
        var original = await KeySettings.GetAsync(t, Key, "before").ConfigureAwait(false);
        keys.Remember(Key, original?.Value);
        try
        {
            if (original?.Value == wanted)
            {
                // Before: the value is NOT the one the case sets.
                await keys.SetAsync(t, Key, KeySettings.Value(t.Settings.MeterValueSampleInterval + 1), "before").ConfigureAwait(false);
            }

            var change = await t.SendAsync(V16Calls.ChangeConfiguration, new ChangeConfigurationRequest { Key = Key, Value = wanted }, "1").ConfigureAwait(false);
            t.Require(change.Status == ConfigurationStatus.Accepted, "2", $"ChangeConfiguration.conf status is Accepted for {Key} = {wanted}", $"status is {change.Status}",
                $"Implement {Key} as read-write (OCPP 1.6 §9.1.19) and accept a valid value with status Accepted (OCPP 1.6 §5.3).", requirement: "OCPP 1.6 §5.3");
            var now = await KeySettings.GetAsync(t, Key, "3").ConfigureAwait(false);
            t.Check(now?.Value == wanted, "4", $"GetConfiguration.conf reports {Key} with value {wanted}", now is null ? "the key is not reported" : $"the value is '{now.Value}'",
                $"Store the value set by an accepted ChangeConfiguration.req and report it in GetConfiguration.conf (OCPP 1.6 §5.3, §5.8).", requirement: "OCPP 1.6 §5.3, §5.8");
        }
        finally
        {
            await keys.RestoreAsync(t).ConfigureAwait(false);
        }
    }
}
