using System.Diagnostics;
using Iskra.Simulator.Swarm;

namespace Iskra.LoadBench;

/// <summary>The five load profiles of docs/benchmarks.md, run one after another on one connected fleet.</summary>
internal sealed class Profiles(BenchOptions o, ServerProcess server, SwarmFleet fleet, long baselineRssKib)
{
    private TimeSpan Timeout => TimeSpan.FromSeconds(o.CallTimeout);

    public Task<ProfileResult> RunAsync(string profile, CancellationToken ct) => profile switch
    {
        "idle" => OpenLoopAsync(SwarmProfile.Idle, TimeSpan.Zero, TimeSpan.FromSeconds(o.Idle), ct),
        "typical" => OpenLoopAsync(Scaled(SwarmProfile.Typical), TimeSpan.FromSeconds(o.Warmup), TimeSpan.FromSeconds(o.Duration), ct),
        "stress" => OpenLoopAsync(Scaled(SwarmProfile.Stress), TimeSpan.FromSeconds(o.Warmup), TimeSpan.FromSeconds(o.Duration), ct),
        "storm" => StormAsync(ct),
        _ => ReplayAsync(ct),
    };

    /// <summary>The profile with every interval divided by <c>--rate</c>.</summary>
    private SwarmProfile Scaled(SwarmProfile profile) => o.Rate == 1 ? profile : profile with
    {
        HeartbeatInterval = profile.HeartbeatInterval / o.Rate,
        SlotInterval = profile.SlotInterval / o.Rate,
    };

    private async Task<ProfileResult> OpenLoopAsync(SwarmProfile profile, TimeSpan warmup, TimeSpan duration, CancellationToken ct)
    {
        var stats = new SwarmStats();
        var load = SwarmLoad.RunAsync(fleet.Stations, profile, warmup, duration, stats, Timeout, ct: ct);
        await Task.Delay(warmup + TimeSpan.FromMilliseconds(100), ct).ConfigureAwait(false);
        var window = Window.Start(server);
        var received = SwarmStation.AnswersReceived;
        var results = SwarmStation.ResultsReceived;
        await Task.Delay(duration, ct).ConfigureAwait(false);
        var used = window.Stop();
        var served = (SwarmStation.ResultsReceived - results) / duration.TotalSeconds;
        var refused = (SwarmStation.AnswersReceived - received) / duration.TotalSeconds - served;
        await load.ConfigureAwait(false);
        var extra = $"offered {profile.RatePerStation * fleet.Stations.Count:F0} msg/s, served {served:F0} msg/s (CALLRESULTs, late ones included)"
            + (refused >= 0.5 ? $", refused {refused:F0} msg/s (CALLERRORs)" : "");
        return Result(profile.Name, duration.TotalSeconds, stats, used, null, extra);
    }

    /// <summary>Every station drops its connection at once and reconnects: the time until all are booted again.</summary>
    private async Task<ProfileResult> StormAsync(CancellationToken ct)
    {
        var stats = new SwarmStats();
        await fleet.AbortAllAsync().ConfigureAwait(false);
        fleet.Use(stats);
        var window = Window.Start(server);
        var (booted, elapsed) = await fleet.ConnectAsync(o.StormConcurrency, Timeout, ct: ct).ConfigureAwait(false);
        var used = window.Stop();
        return Result("storm", elapsed.TotalSeconds, stats, used, booted / elapsed.TotalSeconds,
            $"{booted}/{fleet.Stations.Count} booted again in {elapsed.TotalSeconds:F1} s");
    }

    /// <summary>
    /// Every station drops, reconnects and then replays its backlog of queued transaction messages
    /// (Start, meter values, Stop) one at a time, as a station does: the time until all are delivered.
    /// </summary>
    private async Task<ProfileResult> ReplayAsync(CancellationToken ct)
    {
        var stats = new SwarmStats();
        await fleet.AbortAllAsync().ConfigureAwait(false);
        fleet.Use(stats);
        var delivered = 0;
        var window = Window.Start(server);
        var (booted, elapsed) = await fleet.ConnectAsync(o.StormConcurrency, Timeout, async station =>
        {
            var ok = await station.CallAsync(SwarmStep.Start, Timeout).ConfigureAwait(false);
            for (var i = 0; ok && i < o.Backlog - 2; i++)
            {
                ok = await station.CallAsync(SwarmStep.Meter, Timeout).ConfigureAwait(false);
            }

            if (ok && await station.CallAsync(SwarmStep.Stop, Timeout).ConfigureAwait(false))
            {
                Interlocked.Increment(ref delivered);
            }
        }, ct).ConfigureAwait(false);
        var used = window.Stop();
        return Result("replay", elapsed.TotalSeconds, stats, used, booted / elapsed.TotalSeconds,
            $"{delivered}/{fleet.Stations.Count} backlogs of {o.Backlog} delivered in {elapsed.TotalSeconds:F1} s");
    }

    /// <summary>
    /// Waits until the server answers a Heartbeat within a second again: calls that timed out on our side
    /// may still be queued in the server, and the next profile must not start behind them.
    /// </summary>
    public async Task<TimeSpan> SettleAsync(CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var probe = new SwarmStats();
        while (Stopwatch.GetElapsedTime(started) < TimeSpan.FromMinutes(3))
        {
            if (fleet.Stations.FirstOrDefault(s => s.IsOpen) is not { } station)
            {
                break;
            }

            var stats = station.Stats;
            station.Stats = probe;
            var answered = await station.CallAsync(SwarmStep.Heartbeat, TimeSpan.FromSeconds(1)).ConfigureAwait(false);
            station.Stats = stats;
            if (answered)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), ct).ConfigureAwait(false);
        }

        return Stopwatch.GetElapsedTime(started);
    }

    private ProfileResult Result(string name, double seconds, SwarmStats stats, Window.Used used, double? connectRate, string extra)
    {
        var rss = server.Memory()?.RssKib ?? 0;
        var connected = Math.Max(1, fleet.Connected);
        return new ProfileResult(name, fleet.Stations.Count, seconds, stats, used.Server, used.Bench, used.Others, rss,
            (rss - baselineRssKib) / (double)connected, connectRate, extra);
    }

    /// <summary>CPU use of the server, the bench and everything else over a time window.</summary>
    internal sealed class Window
    {
        private readonly ServerProcess _server;
        private readonly TimeSpan? _server0;
        private readonly TimeSpan _bench0;
        private readonly SystemCpu _system0;
        private readonly long _wall0;

        private Window(ServerProcess server)
        {
            _server = server;
            _server0 = server.CpuTime();
            _bench0 = Machine.OwnCpu();
            _system0 = SystemCpu.Read();
            _wall0 = Stopwatch.GetTimestamp();
        }

        public static Window Start(ServerProcess server) => new(server);

        public Used Stop()
        {
            var wall = Stopwatch.GetElapsedTime(_wall0);
            var serverShare = _server0 is { } s0 && _server.CpuTime() is { } s1 ? (s1 - s0) / wall * 100 : double.NaN;
            var benchShare = (Machine.OwnCpu() - _bench0) / wall * 100;
            var machine = SystemCpu.BusySeconds(_system0, SystemCpu.Read()) / wall.TotalSeconds * 100;
            return new Used(serverShare, benchShare, Math.Max(0, machine - (double.IsNaN(serverShare) ? 0 : serverShare) - benchShare));
        }

        internal readonly record struct Used(double Server, double Bench, double Others);
    }
}
