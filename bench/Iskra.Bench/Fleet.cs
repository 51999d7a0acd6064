using System.Diagnostics;
using System.Net;

namespace Iskra.Bench;

/// <summary>Connects and boots many stations with bounded concurrency, spread over loopback source addresses.</summary>
internal sealed class Fleet : IAsyncDisposable
{
    public const string BootPayload = """{"chargePointVendor":"IskraBench","chargePointModel":"Sim-1"}""";

    private readonly List<HttpMessageInvoker> _invokers = [];

    private Fleet()
    {
    }

    public List<StationClient> Stations { get; } = [];

    public int Failed { get; private set; }

    public string? FirstError { get; private set; }

    public TimeSpan Elapsed { get; private set; }

    public int Compressed => Stations.Count(s => s.Compressed);

    public static async Task<Fleet> ConnectAsync(BenchOptions o, Uri server, bool deflate, CancellationToken ct)
    {
        var fleet = new Fleet();
        if (o.Sources == 0)
        {
            fleet._invokers.Add(StationClient.CreateInvoker(null));
        }
        else
        {
            for (var i = 0; i < o.Sources; i++)
            {
                fleet._invokers.Add(StationClient.CreateInvoker(new IPAddress([127, 0, 0, (byte)(i + 2)])));
            }
        }

        var started = Stopwatch.GetTimestamp();
        var slots = new StationClient?[o.Stations];
        var next = -1;
        var timeout = TimeSpan.FromSeconds(o.CallTimeout);
        var gate = new object();
        async Task WorkerAsync()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < o.Stations)
            {
                var id = o.StationId(i);
                try
                {
                    using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                    connectTimeout.CancelAfter(timeout);
                    var station = await StationClient.ConnectAsync(server, id, deflate, fleet._invokers[i % fleet._invokers.Count], connectTimeout.Token).ConfigureAwait(false);
                    var boot = await station.CallAsync("BootNotification", BootPayload, timeout).ConfigureAwait(false);
                    if (boot != CallStatus.Result)
                    {
                        lock (gate)
                        {
                            fleet.Failed++;
                            fleet.FirstError ??= $"{id}: {station.LastError}";
                        }

                        await station.DisposeAsync().ConfigureAwait(false);
                        continue;
                    }

                    slots[i] = station;
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    lock (gate)
                    {
                        fleet.Failed++;
                        fleet.FirstError ??= $"{id}: {ex.GetType().Name}: {ex.Message}";
                    }
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, o.ConnectConcurrency).Select(_ => Task.Run(WorkerAsync, ct))).ConfigureAwait(false);
        fleet.Elapsed = Stopwatch.GetElapsedTime(started);
        fleet.Stations.AddRange(slots.Where(s => s is not null)!);
        return fleet;
    }

    public async ValueTask DisposeAsync()
    {
        // Close in parallel batches: thousands of sequential close handshakes would take long.
        foreach (var chunk in Stations.Chunk(256))
        {
            await Task.WhenAll(chunk.Select(s => s.DisposeAsync().AsTask())).ConfigureAwait(false);
        }

        foreach (var invoker in _invokers)
        {
            invoker.Dispose();
        }
    }
}
