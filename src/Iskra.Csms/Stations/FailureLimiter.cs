using System.Collections.Concurrent;

namespace Iskra.Csms.Stations;

/// <summary>
/// Counts failed handshakes per key in a fixed window. A key that reaches <c>maxFailures</c> is
/// limited until its window ends; each time it reaches the limit again before its failures are
/// forgotten, the limit lasts twice as long, up to <c>maxBackoff</c> (SPEC §2.1: rate-limited).
/// Memory is bounded: past 100 000 keys the expired ones are forgotten.
/// </summary>
public sealed class FailureLimiter(TimeProvider time, int maxFailures, TimeSpan window, TimeSpan maxBackoff)
{
    private readonly ConcurrentDictionary<string, Entry> _failures = new(StringComparer.Ordinal);

    public FailureLimiter(TimeProvider time, int maxFailures, TimeSpan window)
        : this(time, maxFailures, window, window)
    {
    }

    public bool IsLimited(string key)
    {
        if (!_failures.TryGetValue(key, out var e))
        {
            return false;
        }

        var now = time.GetUtcNow();
        if (Expired(e, now))
        {
            _failures.TryRemove(new KeyValuePair<string, Entry>(key, e));
            return false;
        }

        return now < e.LimitedUntil;
    }

    public void RecordFailure(string key)
    {
        var now = time.GetUtcNow();
        _failures.AddOrUpdate(key, static (_, s) => s.Self.Next(null, s.Now), static (_, e, s) => s.Self.Next(e, s.Now), (Self: this, Now: now));
        if (_failures.Count > 100_000)
        {
            // A flood of distinct keys must not grow memory without bound: forget expired entries.
            foreach (var (k, e) in _failures)
            {
                if (Expired(e, now))
                {
                    _failures.TryRemove(new KeyValuePair<string, Entry>(k, e));
                }
            }
        }
    }

    public void Reset(string key) => _failures.TryRemove(key, out _);

    private Entry Next(Entry? e, DateTimeOffset now)
    {
        if (e is null || Expired(e, now))
        {
            e = new Entry(now, 0, 0, DateTimeOffset.MinValue);
        }
        else if (now - e.Start > window)
        {
            e = e with { Start = now, Count = 0 };
        }

        var count = e.Count + 1;
        if (count < maxFailures)
        {
            return e with { Count = count };
        }

        // Limited from the counting window's start, for a window that doubles with each strike; the
        // next failure after it opens a new counting window.
        var strikes = e.Strikes + 1;
        var length = TimeSpan.FromTicks(Math.Min(maxBackoff.Ticks, window.Ticks << Math.Min(strikes - 1, 20)));
        var until = e.Start + (length > window ? length : window);
        return new Entry(DateTimeOffset.MinValue, 0, strikes, until > e.LimitedUntil ? until : e.LimitedUntil);
    }

    /// <summary>Nothing left to remember: the window and any limit are over, with one more window of grace for the strikes.</summary>
    private bool Expired(Entry e, DateTimeOffset now) =>
        now - e.Start > window && now > e.LimitedUntil + window;

    private sealed record Entry(DateTimeOffset Start, int Count, int Strikes, DateTimeOffset LimitedUntil);
}
