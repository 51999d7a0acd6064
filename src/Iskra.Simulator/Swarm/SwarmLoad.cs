using System.Diagnostics;

namespace Iskra.Simulator.Swarm;

/// <summary>
/// Drives a fleet on a <see cref="SwarmProfile"/> in open loop: every station sends at its scheduled
/// times whether or not its previous call was answered, and each latency is measured from the
/// scheduled time, so queueing in the server shows instead of slowing the load (no coordinated
/// omission). One dispatcher per core walks a time-ordered queue of its stations' next sends.
/// </summary>
public static class SwarmLoad
{
    /// <summary>
    /// Runs <paramref name="profile"/> for <paramref name="warmup"/> + <paramref name="duration"/>; calls sent after
    /// the warm-up count in <paramref name="measured"/>. Then waits up to <paramref name="callTimeout"/> for the
    /// last answers and counts the rest as timeouts. With <paramref name="messagesPerStation"/> &gt; 0 each
    /// station stops after that many messages (and the run ends when all did, or at the end of the time).
    /// </summary>
    public static async Task RunAsync(IReadOnlyList<SwarmStation> stations, SwarmProfile profile, TimeSpan warmup, TimeSpan duration,
        SwarmStats measured, TimeSpan callTimeout, int messagesPerStation = 0, int seed = 1, CancellationToken ct = default)
    {
        // Calls of the warm-up count in a throwaway set, those of the window in the measured one.
        var warming = warmup > TimeSpan.Zero ? new SwarmStats() : measured;
        foreach (var s in stations)
        {
            s.Stats = warming;
        }

        var start = Stopwatch.GetTimestamp() + Ticks(TimeSpan.FromMilliseconds(100));
        var measureStart = start + Ticks(warmup);
        var end = measureStart + Ticks(duration);
        var partitions = Math.Max(1, Math.Min(Environment.ProcessorCount, stations.Count));
        using var sweeping = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var sweeper = SweepAsync(stations, callTimeout, sweeping.Token);
        var dispatchers = Enumerable.Range(0, partitions)
            .Select(p => Task.Run(() => DispatchAsync(stations, p, partitions, profile, start, measureStart, end, measured, messagesPerStation, seed, ct), ct))
            .ToArray();
        await Task.WhenAll(dispatchers).ConfigureAwait(false);

        // Drain: the last answers may still come; what does not within the timeout is a timeout.
        var drainEnd = Stopwatch.GetTimestamp() + Ticks(callTimeout);
        while (Stopwatch.GetTimestamp() < drainEnd && stations.Any(s => s.Outstanding > 0))
        {
            await Task.Delay(50, ct).ConfigureAwait(false);
        }

        await sweeping.CancelAsync().ConfigureAwait(false);
        await sweeper.ConfigureAwait(false);
        var now = Stopwatch.GetTimestamp();
        foreach (var s in stations)
        {
            s.ExpireSentBefore(now);
        }
    }

    private static async Task DispatchAsync(IReadOnlyList<SwarmStation> stations, int partition, int partitions, SwarmProfile profile,
        long start, long measureStart, long end, SwarmStats measured, int messagesPerStation, int seed, CancellationToken ct)
    {
        var random = new Random(seed + partition);
        var heartbeat = Ticks(profile.HeartbeatInterval);
        var slot = profile.Sessions ? Ticks(profile.SlotInterval) : 0;
        var cycle = profile.MetersPerSession + 4;
        var queue = new PriorityQueue<Next, long>();
        var sent = new Dictionary<int, int>();
        for (var i = partition; i < stations.Count; i += partitions)
        {
            // A random phase of each stream spreads the fleet's sends evenly: a constant arrival rate.
            queue.Enqueue(new Next(i, true, 0), start + (long)(random.NextDouble() * heartbeat));
            if (profile.Sessions)
            {
                queue.Enqueue(new Next(i, false, random.Next(cycle)), start + (long)(random.NextDouble() * slot));
            }

            sent[i] = 0;
        }

        var measuring = false;
        while (queue.TryPeek(out var next, out var due) && due < end)
        {
            var wait = due - Stopwatch.GetTimestamp();
            if (wait > 0)
            {
                await Task.Delay(TimeSpan.FromTicks(Math.Max(1, wait * TimeSpan.TicksPerSecond / Stopwatch.Frequency)), ct).ConfigureAwait(false);
                continue;
            }

            queue.Dequeue();
            if (!measuring && due >= measureStart)
            {
                measuring = true;
                for (var i = partition; i < stations.Count; i += partitions)
                {
                    stations[i].Stats = measured;
                }
            }

            var station = stations[next.Station];
            _ = station.SendAsync(next.Heartbeat ? SwarmStep.Heartbeat : profile.StepOf(next.Slot), due);
            var count = ++sent[next.Station];
            if (messagesPerStation > 0 && count >= messagesPerStation)
            {
                // This station is done: drop its other stream too.
                queue = Without(queue, next.Station);
                continue;
            }

            queue.Enqueue(next with { Slot = next.Slot + 1 }, due + (next.Heartbeat ? heartbeat : slot));
        }
    }

    private static PriorityQueue<Next, long> Without(PriorityQueue<Next, long> queue, int station)
    {
        var rest = new PriorityQueue<Next, long>(queue.UnorderedItems.Where(x => x.Element.Station != station));
        return rest;
    }

    private static async Task SweepAsync(IReadOnlyList<SwarmStation> stations, TimeSpan callTimeout, CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), ct).ConfigureAwait(false);
                var cutoff = Stopwatch.GetTimestamp() - Ticks(callTimeout);
                foreach (var s in stations)
                {
                    s.ExpireSentBefore(cutoff);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    internal static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);

    private readonly record struct Next(int Station, bool Heartbeat, long Slot);
}
