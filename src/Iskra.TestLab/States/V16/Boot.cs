using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;

namespace Iskra.TestLab.States.V16;

/// <summary>What follows an accepted BootNotification (OCTT 1.6 §2.1, §2.6): a StatusNotification per connector and connectorId 0, then heartbeats at the interval.</summary>
public static class Boot
{
    /// <summary>
    /// Expects a StatusNotification.req for connector 0 and every connector and checks its status against
    /// <paramref name="allowed"/> (null for a connector the caller checks itself).
    /// </summary>
    public static async Task StatusesAsync(CaseContext t, string step, Func<int, ChargePointStatus[]?> allowed)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(allowed);
        for (var connector = 0; connector <= t.Model.Connectors; connector++)
        {
            if (allowed(connector) is not { } statuses)
            {
                continue;
            }

            var c = connector;
            var status = await t.ExpectAsync(V16Calls.StatusNotification, step, s => s.ConnectorId == c, requirement: "OCPP 1.6 §4.9: a StatusNotification per connector and connectorId 0 after boot").ConfigureAwait(false);
            var expected = string.Join(" or ", statuses);
            t.Check(statuses.Contains(status.Request.Status), step, $"StatusNotification.req of connector {c} has status {expected}",
                $"status is {status.Request.Status}", $"After an accepted boot, report connector {c} with its actual status ({expected} here) (OCPP 1.6 §4.9; §5.2: availability persists across a reboot).", status.Call, "OCPP 1.6 §4.9");
        }
    }

    /// <summary>Two heartbeats, at the interval of the accepted BootNotification.conf.</summary>
    public static async Task HeartbeatsAsync(CaseContext t, string step)
    {
        ArgumentNullException.ThrowIfNull(t);
        var within = TimeSpan.FromSeconds(t.State.HeartbeatInterval * 2) + t.Settings.StationTimeout;
        var beat1 = await t.ExpectAsync(V16Calls.Heartbeat, step, within: within, requirement: "OCPP 1.6 §4.6 Heartbeat").ConfigureAwait(false);
        var beat2 = await t.ExpectAsync(V16Calls.Heartbeat, step, within: within, requirement: "OCPP 1.6 §4.6 Heartbeat").ConfigureAwait(false);
        var cadence = (beat2.Call.At - beat1.Call.At).TotalSeconds;
        t.Check(Math.Abs(cadence - t.State.HeartbeatInterval) <= Math.Max(2, t.State.HeartbeatInterval * 0.2), step,
            $"Heartbeat.req every {t.State.HeartbeatInterval} s, the interval of the accepted BootNotification.conf",
            $"heartbeats {cadence:0.0} s apart", "Use the interval from the BootNotification.conf as the heartbeat interval (OCPP 1.6 §4.2, §9.1.10 HeartbeatInterval).", beat2.Call, "OCPP 1.6 §4.2, §4.6");
    }
}
