using Iskra.Csms.Stations;
using Microsoft.Extensions.Time.Testing;

namespace Iskra.Csms.Tests.Stations;

public sealed class FailureBackoffTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Each_strike_doubles_the_limit_up_to_the_maximum_back_off()
    {
        var limiter = new FailureLimiter(_time, maxFailures: 1, Window, maxBackoff: TimeSpan.FromMinutes(4));
        var lengths = new List<TimeSpan>();
        for (var strike = 0; strike < 5; strike++)
        {
            limiter.RecordFailure("k");
            var limited = TimeSpan.Zero;
            while (limiter.IsLimited("k"))
            {
                _time.Advance(TimeSpan.FromSeconds(10));
                limited += TimeSpan.FromSeconds(10);
            }

            lengths.Add(limited);
        }

        Assert.Equal([60, 120, 240, 240, 240], lengths.Select(l => (int)Math.Round(l.TotalSeconds / 10) * 10));
    }

    [Fact]
    public void Strikes_are_forgotten_once_the_key_has_been_quiet_for_a_window_after_its_limit()
    {
        var limiter = new FailureLimiter(_time, maxFailures: 1, Window, maxBackoff: TimeSpan.FromMinutes(4));
        limiter.RecordFailure("k");
        _time.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));

        limiter.RecordFailure("k");
        _time.Advance(Window + TimeSpan.FromSeconds(1));

        Assert.False(limiter.IsLimited("k"));
    }
}
