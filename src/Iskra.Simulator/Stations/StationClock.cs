using Iskra.Simulator.Faults;

namespace Iskra.Simulator.Stations;

/// <summary>
/// The station's own clock: the real time, set from the CSMS's BootNotification/Heartbeat answers, or
/// running ahead when the <see cref="StationFault.DriftingClock"/> fault is on (it gains an hour at once
/// and a minute more every minute).
/// </summary>
internal sealed class StationClock(TimeProvider time, FaultSet faults)
{
    private DateTimeOffset? _driftSince;

    public DateTimeOffset Now
    {
        get
        {
            var now = time.GetUtcNow();
            if (!faults.IsOn(StationFault.DriftingClock))
            {
                _driftSince = null;
                return now;
            }

            _driftSince ??= now;
            return now + TimeSpan.FromHours(1) + (now - _driftSince.Value);
        }
    }
}
