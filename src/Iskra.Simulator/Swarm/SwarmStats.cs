namespace Iskra.Simulator.Swarm;

/// <summary>
/// What a swarm saw during one phase: per action a latency histogram (from the scheduled send time,
/// so a slow answer cannot hide the calls queued behind it) and the counts of sent calls and errors.
/// Shared by all stations of a fleet; every update is interlocked.
/// </summary>
public sealed class SwarmStats
{
    private static readonly int Actions = Enum.GetValues<SwarmAction>().Length;

    private readonly LatencyHistogram[] _latency = [.. Enumerable.Range(0, Actions).Select(_ => new LatencyHistogram())];
    private readonly long[] _sent = new long[Actions];
    private long _callErrors;
    private long _timeouts;
    private long _closed;
    private long _connectFailures;
    private long _skipped;
    private string? _firstError;

    public long CallErrors => Interlocked.Read(ref _callErrors);

    /// <summary>Calls without an answer within the call timeout (counted once; a late answer is ignored).</summary>
    public long Timeouts => Interlocked.Read(ref _timeouts);

    /// <summary>Connections the server closed or that broke while the station wanted them open.</summary>
    public long Closed => Interlocked.Read(ref _closed);

    public long ConnectFailures => Interlocked.Read(ref _connectFailures);

    /// <summary>Script steps not sent because they could not be (a stop whose transaction id never came).</summary>
    public long Skipped => Interlocked.Read(ref _skipped);

    public long Errors => CallErrors + Timeouts + Closed + ConnectFailures;

    public string? FirstError => Volatile.Read(ref _firstError);

    public long Sent(SwarmAction action) => Interlocked.Read(ref _sent[(int)action]);

    public long TotalSent => Enumerable.Range(0, Actions).Sum(i => Interlocked.Read(ref _sent[i]));

    public long TotalAnswered => _latency.Sum(h => h.Count);

    public LatencyHistogram Latency(SwarmAction action) => _latency[(int)action];

    /// <summary>All actions' latencies in one histogram.</summary>
    public LatencyHistogram AllLatency()
    {
        var all = new LatencyHistogram();
        foreach (var h in _latency)
        {
            all.Add(h);
        }

        return all;
    }

    internal void OnSent(SwarmAction action) => Interlocked.Increment(ref _sent[(int)action]);

    internal void OnAnswered(SwarmAction action, long micros) => _latency[(int)action].Record(micros);

    internal void OnCallError(string stationId, SwarmAction action, string code)
    {
        Interlocked.Increment(ref _callErrors);
        Note($"{stationId}: {action} answered CALLERROR {code}");
    }

    internal void OnTimeout(string stationId, SwarmAction action)
    {
        Interlocked.Increment(ref _timeouts);
        Note($"{stationId}: {action} not answered in time");
    }

    internal void OnClosed(string stationId, string why)
    {
        Interlocked.Increment(ref _closed);
        Note($"{stationId}: connection closed: {why}");
    }

    internal void OnConnectFailed(string stationId, string why)
    {
        Interlocked.Increment(ref _connectFailures);
        Note($"{stationId}: connect failed: {why}");
    }

    internal void OnSkipped() => Interlocked.Increment(ref _skipped);

    private void Note(string error) => Interlocked.CompareExchange(ref _firstError, error, null);
}
