using Iskra.Simulator.Faults;

namespace Iskra.Simulator.Stations;

/// <summary>
/// The station's own clock: the real time, or running ahead while the <see cref="StationFault.DriftingClock"/>
/// fault is on: an hour ahead at once, and a further second every minute (a minute an hour) after that.
/// Timestamps come from it; heartbeats and ticks run on real time, and meter-value intervals measured
/// on it run a sixtieth fast (one extra sample when the hour jump happens).
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
            return now + TimeSpan.FromHours(1) + ((now - _driftSince.Value) / 60);
        }
    }
}
