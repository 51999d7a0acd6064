namespace Iskra.Csms.History;

/// <summary>A half-open span of time <c>[Start, End)</c>.</summary>
public readonly record struct TimeRange(DateTimeOffset Start, DateTimeOffset End)
{
    public TimeSpan Length => End > Start ? End - Start : TimeSpan.Zero;

    /// <summary>Whether <paramref name="instant"/> lies in <c>[Start, End)</c>.</summary>
    public bool Contains(DateTimeOffset instant) => Start <= instant && instant < End;

    /// <summary>
    /// The ranges sorted, clipped to <paramref name="period"/>, with empty ones dropped and overlapping or touching ones merged
    /// (two sources may report the same outage).
    /// </summary>
    public static IReadOnlyList<TimeRange> Merge(IEnumerable<TimeRange> ranges, TimeRange period)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        var merged = new List<TimeRange>();
        foreach (var range in ranges
            .Select(r => new TimeRange(r.Start < period.Start ? period.Start : r.Start, r.End > period.End ? period.End : r.End))
            .Where(r => r.Start < r.End)
            .OrderBy(r => r.Start))
        {
            if (merged.Count > 0 && range.Start <= merged[^1].End)
            {
                var last = merged[^1];
                merged[^1] = last with { End = range.End > last.End ? range.End : last.End };
            }
            else
            {
                merged.Add(range);
            }
        }

        return merged;
    }
}
