using Iskra.Csms.Stations;
using Microsoft.Extensions.Time.Testing;

namespace Iskra.Csms.Tests.Stations;

public sealed class FailureLimiterTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_key_is_limited_once_it_reaches_the_maximum_failures_inside_the_window()
    {
        var limiter = new FailureLimiter(_time, maxFailures: 3, Window);

        limiter.RecordFailure("id:cp-1");
        limiter.RecordFailure("id:cp-1");
        Assert.False(limiter.IsLimited("id:cp-1"));

        _time.Advance(TimeSpan.FromSeconds(30));
        limiter.RecordFailure("id:cp-1");
        Assert.True(limiter.IsLimited("id:cp-1"));
    }

    [Fact]
    public void An_unseen_key_is_not_limited_and_keys_do_not_share_counts()
    {
        var limiter = new FailureLimiter(_time, maxFailures: 2, Window);

        limiter.RecordFailure("id:cp-1");
        limiter.RecordFailure("id:cp-1");

        Assert.True(limiter.IsLimited("id:cp-1"));
        Assert.False(limiter.IsLimited("id:cp-2"));
        Assert.False(limiter.IsLimited("addr:10.0.0.1"));
    }

    [Fact]
    public void Failures_are_forgotten_after_the_window()
    {
        var limiter = new FailureLimiter(_time, maxFailures: 2, Window);
        limiter.RecordFailure("id:cp-1");
        limiter.RecordFailure("id:cp-1");
        Assert.True(limiter.IsLimited("id:cp-1"));

        _time.Advance(Window + TimeSpan.FromSeconds(1));

        Assert.False(limiter.IsLimited("id:cp-1"));
    }

    [Fact]
    public void A_failure_after_the_window_starts_a_new_count()
    {
        var limiter = new FailureLimiter(_time, maxFailures: 2, Window);
        limiter.RecordFailure("id:cp-1");
        _time.Advance(Window + TimeSpan.FromSeconds(1));

        limiter.RecordFailure("id:cp-1");

        Assert.False(limiter.IsLimited("id:cp-1"));
        limiter.RecordFailure("id:cp-1");
        Assert.True(limiter.IsLimited("id:cp-1"));
    }

    [Fact]
    public void The_window_is_fixed_from_the_first_failure_so_later_failures_do_not_extend_it()
    {
        var limiter = new FailureLimiter(_time, maxFailures: 2, Window);
        limiter.RecordFailure("id:cp-1");
        _time.Advance(TimeSpan.FromSeconds(50));
        limiter.RecordFailure("id:cp-1");
        Assert.True(limiter.IsLimited("id:cp-1"));

        _time.Advance(TimeSpan.FromSeconds(11));

        Assert.False(limiter.IsLimited("id:cp-1"));
    }

    [Fact]
    public void Reset_clears_the_failures_of_that_key_only()
    {
        var limiter = new FailureLimiter(_time, maxFailures: 1, Window);
        limiter.RecordFailure("id:cp-1");
        limiter.RecordFailure("id:cp-2");

        limiter.Reset("id:cp-1");

        Assert.False(limiter.IsLimited("id:cp-1"));
        Assert.True(limiter.IsLimited("id:cp-2"));
    }
}
