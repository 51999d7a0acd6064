using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;

namespace Iskra.TestLab.Cases.V16.Core;

/// <summary>OCTT 1.6 Table 1: the station boots, is Rejected once, retries after the interval, is Accepted, reports its connectors and heartbeats at the interval.</summary>
public sealed class TC_001_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_001_CS", "Cold Boot Charge Point", "Core", "OCTT 1.6 §2.1.1")
    {
        Requirements = ["OCPP 1.6 §4.2 BootNotification", "OCPP 1.6 §4.9 StatusNotification", "OCPP 1.6 §4.6 Heartbeat"],
    };

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var retry = t.State.HeartbeatInterval;
        var boots = 0;
        t.Answers.Script(V16Calls.BootNotification, _ => Interlocked.Increment(ref boots) == 1
            ? new BootNotificationResponse { Status = RegistrationStatus.Rejected, CurrentTime = t.Time.GetUtcNow(), Interval = retry }
            : new BootNotificationResponse { Status = RegistrationStatus.Accepted, CurrentTime = t.Time.GetUtcNow(), Interval = t.State.HeartbeatInterval });

        await t.ManualAsync(ManualAction.PowerCycle()).ConfigureAwait(false);
        var first = await t.ExpectAsync(V16Calls.BootNotification, "1", within: t.Settings.StationTimeout * 2).ConfigureAwait(false);
        var second = await t.ExpectAsync(V16Calls.BootNotification, "3", within: TimeSpan.FromSeconds(retry) + t.Settings.StationTimeout).ConfigureAwait(false);
        var waited = second.Call.At - first.Call.At;
        t.Check(waited >= TimeSpan.FromSeconds(retry - 1), "3", $"BootNotification.req is sent again after the interval of the Rejected answer ({retry} s)",
            $"it came after {waited.TotalSeconds:0.0} s", "After a Rejected BootNotification.conf, wait the given interval before the next BootNotification.req and send nothing else meanwhile (OCPP 1.6 §4.2).", second.Call, "OCPP 1.6 §4.2");

        for (var connector = 0; connector <= t.Model.Connectors; connector++)
        {
            var c = connector;
            var status = await t.ExpectAsync(V16Calls.StatusNotification, "5", s => s.ConnectorId == c, requirement: "OCPP 1.6 §4.9: a StatusNotification per connector and connectorId 0 after boot").ConfigureAwait(false);
            t.Check(status.Request.Status == ChargePointStatus.Available, "5", $"StatusNotification.req of connector {c} has status Available",
                $"status is {status.Request.Status}", "After an accepted boot, report each idle connector (and connector 0) as Available.", status.Call, "OCPP 1.6 §4.9");
        }

        var interval = t.State.HeartbeatInterval;
        var expected = $"Heartbeat.req every {interval} s, the interval of the accepted BootNotification.conf";
        const string fix = "Use the interval from the BootNotification.conf as the heartbeat interval (OCPP 1.6 §4.2, §9.1.12 HeartbeatInterval).";
        var wait = TimeSpan.FromSeconds(interval * 2) + t.Settings.StationTimeout;
        var beat1 = await t.MaybeAsync(V16Calls.Heartbeat, within: wait).ConfigureAwait(false);
        var beat2 = beat1 is null ? null : await t.MaybeAsync(V16Calls.Heartbeat, within: wait).ConfigureAwait(false);
        if (beat1 is null || beat2 is null)
        {
            t.Check(false, "7", expected, $"no {(beat1 is null ? "Heartbeat.req" : "second Heartbeat.req")} within {wait.TotalSeconds:0} s", fix, beat1?.Call, "OCPP 1.6 §4.2, §4.6");
            return;
        }

        var cadence = (beat2.Call.At - beat1.Call.At).TotalSeconds;
        t.Check(Math.Abs(cadence - interval) <= Math.Max(2, interval * 0.2), "7", expected, $"heartbeats {cadence:0.0} s apart", fix, beat2.Call, "OCPP 1.6 §4.2, §4.6");
    }
}
