using System.Diagnostics;
using Iskra.Ocpp;

namespace Iskra.Simulator.Swarm;

/// <summary>
/// Many <see cref="SwarmStation"/>s: connects and boots them with a bounded number of handshakes in
/// flight, drops and reconnects them all at once (a reconnect storm), and closes them.
/// </summary>
public sealed class SwarmFleet : IAsyncDisposable
{
    private readonly SwarmConnector _connector;

    /// <param name="ids">The station ids; station i speaks <paramref name="versionOf"/>(i).</param>
    public SwarmFleet(SwarmConnector connector, IReadOnlyList<string> ids, Func<int, OcppVersion> versionOf, SwarmStats stats)
    {
        _connector = connector;
        Stations = [.. ids.Select((id, i) => new SwarmStation(id, versionOf(i), i, stats))];
    }

    public IReadOnlyList<SwarmStation> Stations { get; }

    /// <summary>How many stations are connected now.</summary>
    public int Connected => Stations.Count(s => s.IsOpen);

    /// <summary>Points every station at <paramref name="stats"/> (the next phase's).</summary>
    public void Use(SwarmStats stats)
    {
        foreach (var s in Stations)
        {
            s.Stats = stats;
        }
    }

    /// <summary>
    /// Connects and boots every station not connected, <paramref name="concurrency"/> at a time; after its boot
    /// a station runs <paramref name="afterBoot"/> (e.g. its backlog). Returns the booted count and the time
    /// until the last one was booted (and, with afterBoot, done).
    /// </summary>
    public async Task<(int Booted, TimeSpan Elapsed)> ConnectAsync(int concurrency, TimeSpan timeout, Func<SwarmStation, Task>? afterBoot = null, CancellationToken ct = default)
    {
        var started = Stopwatch.GetTimestamp();
        var next = -1;
        var booted = 0;
        var todo = Stations.Where(s => !s.IsOpen).ToArray();
        async Task WorkerAsync()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < todo.Length && !ct.IsCancellationRequested)
            {
                var station = todo[i];
                if (await station.ConnectAsync(_connector, timeout, ct).ConfigureAwait(false))
                {
                    Interlocked.Increment(ref booted);
                    if (afterBoot is not null)
                    {
                        await afterBoot(station).ConfigureAwait(false);
                    }
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Math.Max(1, Math.Min(concurrency, todo.Length))).Select(_ => Task.Run(WorkerAsync, ct))).ConfigureAwait(false);
        return (booted, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>Drops every connection at once (no close handshake), as a network outage does.</summary>
    public async Task AbortAllAsync()
    {
        foreach (var chunk in Stations.Chunk(1024))
        {
            await Task.WhenAll(chunk.Select(s => s.AbortAsync())).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Close in parallel batches: thousands of sequential close handshakes would take long.
        foreach (var chunk in Stations.Chunk(512))
        {
            await Task.WhenAll(chunk.Select(s => s.DisposeAsync().AsTask())).ConfigureAwait(false);
        }

        _connector.Dispose();
    }
}
