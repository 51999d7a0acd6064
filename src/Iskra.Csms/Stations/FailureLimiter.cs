using System.Collections.Concurrent;

namespace Iskra.Csms.Stations;

/// <summary>
/// Counts failed handshakes per key (a station id or an address) in a fixed window, so repeated
/// failures are refused without even checking a password (SPEC §2.1: rate-limited per id and address).
/// </summary>
public sealed class FailureLimiter(TimeProvider time, int maxFailures, TimeSpan window)
{
    private readonly ConcurrentDictionary<string, Window> _failures = new(StringComparer.Ordinal);

    public bool IsLimited(string key)
    {
        if (!_failures.TryGetValue(key, out var w))
        {
            return false;
        }

        if (time.GetUtcNow() - w.Start > window)
        {
            _failures.TryRemove(key, out _);
            return false;
        }

        return w.Count >= maxFailures;
    }

    public void RecordFailure(string key)
    {
        var now = time.GetUtcNow();
        _failures.AddOrUpdate(
            key,
            static (_, now) => new Window(now, 1),
            (_, w, now) => now - w.Start > window ? new Window(now, 1) : w with { Count = w.Count + 1 },
            now);
        if (_failures.Count > 100_000)
        {
            // A flood of distinct keys must not grow memory without bound: forget expired windows.
            foreach (var (k, w) in _failures)
            {
                if (now - w.Start > window)
                {
                    _failures.TryRemove(k, out _);
                }
            }
        }
    }

    public void Reset(string key) => _failures.TryRemove(key, out _);

    private sealed record Window(DateTimeOffset Start, int Count);
}
