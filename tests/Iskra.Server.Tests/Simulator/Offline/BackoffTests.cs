using Iskra.Simulator.Stations;

namespace Iskra.Server.Tests.Simulator.Offline;

/// <summary>The reconnect back-off: doubling from the minimum to the maximum, with a random half waived.</summary>
public sealed class BackoffTests
{
    private static readonly TimeSpan Min = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(6, 32)]
    [InlineData(7, 60)]
    [InlineData(40, 60)]
    public void Each_delay_lies_between_half_the_step_and_the_step(int failures, int stepSeconds)
    {
        var random = new Random(20261126);
        var step = TimeSpan.FromSeconds(stepSeconds);

        var delays = Enumerable.Range(0, 500).Select(_ => StationLink.Backoff(failures, Min, Max, random)).ToList();

        Assert.All(delays, d => Assert.InRange(d, step / 2, step));
        Assert.True(delays.Max() - delays.Min() > step / 3, "the delays spread over the range, so a fleet does not reconnect in step");
    }

    [Fact]
    public void The_same_seed_gives_the_same_delays()
    {
        var first = Enumerable.Range(1, 10).Select(n => StationLink.Backoff(n, Min, Max, new Random(7))).ToList();
        var second = Enumerable.Range(1, 10).Select(n => StationLink.Backoff(n, Min, Max, new Random(7))).ToList();

        Assert.Equal(first, second);
        Assert.True(first[^1] > first[0]);
    }
}
