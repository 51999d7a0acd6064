namespace Iskra.Ocpp.Rpc;

/// <summary>
/// A token bucket over received messages: a burst, then a sustained rate. A server keeps one per
/// station across its connections (<see cref="RpcChannelOptions.FloodGuard"/>), so a station closed
/// for flooding does not come back with a fresh burst; the lock covers the moment when a replaced
/// connection and its successor both read.
/// </summary>
public sealed class FloodGuard(double messagesPerSecond, int burst, TimeProvider time)
{
    private readonly Lock _gate = new();
    private double _tokens = burst;
    private long _last = time.GetTimestamp();

    /// <summary>Whether the bucket is full again, so a keeper may forget it.</summary>
    public bool IsFull
    {
        get
        {
            lock (_gate)
            {
                return _tokens + (time.GetElapsedTime(_last).TotalSeconds * messagesPerSecond) >= burst;
            }
        }
    }

    public bool TryTake()
    {
        lock (_gate)
        {
            var now = time.GetTimestamp();
            _tokens = Math.Min(burst, _tokens + (time.GetElapsedTime(_last, now).TotalSeconds * messagesPerSecond));
            _last = now;
            if (_tokens < 1)
            {
                return false;
            }

            _tokens--;
            return true;
        }
    }
}
