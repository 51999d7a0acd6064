namespace Iskra.Ocpp.Rpc;

/// <summary>A token bucket over received messages: a burst, then a sustained rate. Used by one receive loop only.</summary>
internal sealed class FloodGuard(double messagesPerSecond, int burst, TimeProvider time)
{
    private double _tokens = burst;
    private long _last = time.GetTimestamp();

    public bool TryTake()
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
