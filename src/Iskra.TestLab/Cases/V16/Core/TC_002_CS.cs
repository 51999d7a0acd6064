using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Core;

/// <summary>OCTT 1.6 Table 2: the station boots, is Pending, answers GetConfiguration and ChangeConfiguration meanwhile, boots again after the interval and is Accepted.</summary>
public sealed class TC_002_CS : LabCase
{
    private const string SampleInterval = "MeterValueSampleInterval";

    public override CaseInfo Info { get; } = new("TC_002_CS", "Cold Boot Charge Point - Pending", "Core", "OCTT 1.6 §2.1.2")
    {
        Requirements = ["OCPP 1.6 §4.2 BootNotification", "OCPP 1.6 §5.8 GetConfiguration", "OCPP 1.6 §5.3 ChangeConfiguration", "OCPP 1.6 §4.9 StatusNotification", "OCPP 1.6 §4.6 Heartbeat"],
    };

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var retry = Math.Max(5, t.State.HeartbeatInterval);
        var boots = 0;
        t.Answers.Script(V16Calls.BootNotification, _ => Interlocked.Increment(ref boots) == 1
            ? new BootNotificationResponse { Status = RegistrationStatus.Pending, CurrentTime = t.Time.GetUtcNow(), Interval = retry }
            : new BootNotificationResponse { Status = RegistrationStatus.Accepted, CurrentTime = t.Time.GetUtcNow(), Interval = t.State.HeartbeatInterval });

        await t.ManualAsync(ManualAction.PowerCycle()).ConfigureAwait(false);
        var first = await t.ExpectAsync(V16Calls.BootNotification, "1", within: t.Settings.StationTimeout * 2).ConfigureAwait(false);

        // 1.6 §4.2: while Pending, the Central System may retrieve and set the configuration.
        var configuration = await t.SendAsync(V16Calls.GetConfiguration, new GetConfigurationRequest(), "3", "OCPP 1.6 §4.2: a Pending Charge Point answers the Central System's calls").ConfigureAwait(false);
        var before = configuration.ConfigurationKey?.FirstOrDefault(k => string.Equals(k.Key, SampleInterval, StringComparison.OrdinalIgnoreCase))?.Value;
        var wanted = KeySettings.Value(t.Settings.MeterValueSampleInterval);
        var change = await t.SendAsync(V16Calls.ChangeConfiguration, new ChangeConfigurationRequest { Key = SampleInterval, Value = wanted }, "5", "OCPP 1.6 §4.2: a Pending Charge Point answers the Central System's calls").ConfigureAwait(false);
        try
        {
            t.Check(change.Status == ConfigurationStatus.Accepted, "6", $"ChangeConfiguration.conf status is Accepted for {SampleInterval} = {wanted}", $"status is {change.Status}",
                $"Accept ChangeConfiguration while Pending: the Central System configures the Charge Point before accepting it (OCPP 1.6 §4.2, §5.3, §9.1.19 {SampleInterval}).", requirement: "OCPP 1.6 §4.2, §5.3");

            var second = await t.ExpectAsync(V16Calls.BootNotification, "7", within: TimeSpan.FromSeconds(retry) + t.Settings.StationTimeout).ConfigureAwait(false);
            var waited = second.Call.At - first.Call.At;
            t.Check(waited >= TimeSpan.FromSeconds(retry - 1), "7", $"BootNotification.req is sent again after the interval of the Pending answer ({retry} s)",
                $"it came after {waited.TotalSeconds:0.0} s", "After a Pending BootNotification.conf, wait the given interval before the next BootNotification.req (OCPP 1.6 §4.2).", second.Call, "OCPP 1.6 §4.2");

            await Boot.StatusesAsync(t, "9", _ => [ChargePointStatus.Available]).ConfigureAwait(false);
            await Boot.HeartbeatsAsync(t, "11").ConfigureAwait(false);
        }
        finally
        {
            if (change.Status == ConfigurationStatus.Accepted && before != wanted)
            {
                var keys = new KeySettings();
                keys.Remember(SampleInterval, before);
                await keys.RestoreAsync(t).ConfigureAwait(false);
            }
        }
    }
}
