namespace Iskra.Simulator.Swarm;

/// <summary>
/// A lock-free log-linear histogram of latencies in microseconds: exact below 256 µs, then 128
/// sub-buckets per power of two (relative error under 0.8%). Recording is one interlocked increment.
/// </summary>
public sealed class LatencyHistogram
{
    private const int Sub = 256;
    private const int Half = Sub / 2;
    private const int MaxShift = 40;
    private readonly long[] _counts = new long[Sub + (MaxShift * Half)];
    private long _count;
    private long _maxMicros;

    public long Count => Interlocked.Read(ref _count);

    public double MaxMs => Interlocked.Read(ref _maxMicros) / 1000.0;

    public void Record(long micros)
    {
        if (micros < 0)
        {
            micros = 0;
        }

        Interlocked.Increment(ref _counts[Index(micros)]);
        Interlocked.Increment(ref _count);
        var max = Interlocked.Read(ref _maxMicros);
        while (micros > max)
        {
            var seen = Interlocked.CompareExchange(ref _maxMicros, micros, max);
            if (seen == max)
            {
                break;
            }

            max = seen;
        }
    }

    /// <summary>The latency in ms below which <paramref name="quantile"/> of the samples lie (NaN when empty).</summary>
    public double PercentileMs(double quantile)
    {
        var count = Count;
        if (count == 0)
        {
            return double.NaN;
        }

        var target = Math.Max(1, (long)Math.Ceiling(quantile * count));
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += Interlocked.Read(ref _counts[i]);
            if (seen >= target)
            {
                return Math.Min(Middle(i), Interlocked.Read(ref _maxMicros)) / 1000.0;
            }
        }

        return MaxMs;
    }

    /// <summary>Adds every sample of <paramref name="other"/> to this one.</summary>
    public void Add(LatencyHistogram other)
    {
        for (var i = 0; i < _counts.Length; i++)
        {
            var n = Interlocked.Read(ref other._counts[i]);
            if (n != 0)
            {
                Interlocked.Add(ref _counts[i], n);
            }
        }

        Interlocked.Add(ref _count, other.Count);
        var otherMax = Interlocked.Read(ref other._maxMicros);
        if (otherMax > Interlocked.Read(ref _maxMicros))
        {
            Interlocked.Exchange(ref _maxMicros, otherMax);
        }
    }

    private static int Index(long v)
    {
        if (v < Sub)
        {
            return (int)v;
        }

        // v in [2^m, 2^(m+1)), m >= 8: shift so that the top 8 bits remain, i.e. v >> s in [Half, Sub).
        var m = 63 - (int)long.LeadingZeroCount(v);
        var s = Math.Min(m - 7, MaxShift);
        var r = Math.Min(v >> s, Sub - 1);
        return Sub + ((s - 1) * Half) + (int)(r - Half);
    }

    private static long Middle(int index)
    {
        if (index < Sub)
        {
            return index;
        }

        var s = ((index - Sub) / Half) + 1;
        var r = ((index - Sub) % Half) + Half;
        return (r << s) + ((1L << s) / 2);
    }
}
