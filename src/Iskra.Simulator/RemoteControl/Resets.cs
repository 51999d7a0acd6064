using Iskra.Simulator.Stations;

namespace Iskra.Simulator.RemoteControl;

/// <summary>
/// Reset, version-neutral (1.6 §5.14, 2.0.1 B11/B12): the station answers, then stops its transactions
/// with <c>stopReason</c> (1.6 SoftReset/HardReset; 2.0.1 reports ImmediateReset) and reboots with boot
/// reason RemoteReset. An OnIdle reset waits until no transaction runs and then boots with reason
/// ScheduledReset (TC_B_21_CS step 7).
/// </summary>
internal static class Resets
{
    /// <summary>How often a scheduled reset looks whether the station has become idle.</summary>
    private static readonly TimeSpan IdlePoll = TimeSpan.FromMilliseconds(200);

    public static bool Busy(SimStation station) => station.Connectors.Any(c => c.Session is not null);

    /// <summary>Reboots shortly after the answer.</summary>
    public static void RebootSoon(SimStation station, string stopReason) =>
        station.Later(station.Options.ActionDelay, () => station.RebootAsync("RemoteReset", stopReason, station.Options.RebootDowntime));

    /// <summary>Reboots once no transaction runs (2.0.1 B12: OnIdle with a transaction → Scheduled).</summary>
    public static void RebootWhenIdle(SimStation station, string stopReason) =>
        station.Later(IdlePoll, async () =>
        {
            bool busy;
            try
            {
                busy = await station.LockedAsync(() => Busy(station)).ConfigureAwait(false);
            }
            catch (ObjectDisposedException)
            {
                return; // the station was disposed while waiting
            }

            if (busy)
            {
                RebootWhenIdle(station, stopReason);
                return;
            }

            station.Log.Note("Idle now: the scheduled reset runs.");
            await station.RebootAsync("ScheduledReset", stopReason, station.Options.RebootDowntime).ConfigureAwait(false);
        });
}
