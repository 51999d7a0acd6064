namespace Iskra.Csms.History;

/// <summary>
/// A connector's period cut into <see cref="StatusSegment"/>s: the status in force at each instant is the last one
/// reported at or before it (so a status reported before the period carries into it), overlaid with the station-wide
/// status (1.6 connector 0) and the times the station was offline. Pure: the caller reads the rows.
/// </summary>
public static class StatusTimeline
{
    /// <summary>The status of a connector before it reported any (or of a period it has no row for).</summary>
    public const string Unknown = "Unknown";

    /// <summary>What the durations call time while the station was offline, whatever the connector last reported.</summary>
    public const string Offline = "Offline";

    /// <summary>
    /// The segments of <paramref name="period"/>. <paramref name="changes"/> and <paramref name="stationChanges"/> must be in
    /// the order they took effect (by time, then as received); they may begin before the period. <paramref name="offline"/> may
    /// overlap and be in any order.
    /// </summary>
    public static IReadOnlyList<StatusSegment> Segments(
        IReadOnlyList<StatusChange> changes, IReadOnlyList<StatusChange> stationChanges, IEnumerable<TimeRange> offline, TimeRange period)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(stationChanges);
        if (period.End <= period.Start)
        {
            return [];
        }

        var down = TimeRange.Merge(offline, period);
        var cuts = new SortedSet<DateTimeOffset> { period.Start, period.End };
        AddCuts(cuts, changes.Select(c => c.At), period);
        AddCuts(cuts, stationChanges.Select(c => c.At), period);
        AddCuts(cuts, down.SelectMany(r => new[] { r.Start, r.End }), period);

        var segments = new List<StatusSegment>(cuts.Count);
        int own = -1, station = -1, gap = 0;
        DateTimeOffset? start = null;
        foreach (var cut in cuts)
        {
            if (start is { } from)
            {
                var range = new TimeRange(from, cut);
                var status = own < 0 ? Unknown : changes[own].Status;
                var stationStatus = station < 0 ? null : stationChanges[station].Status;
                var isOffline = gap < down.Count && down[gap].Contains(from);
                Append(segments, new StatusSegment(range, status, stationStatus, isOffline));
            }

            own = Advance(changes, own, cut);
            station = Advance(stationChanges, station, cut);
            while (gap < down.Count && down[gap].End <= cut)
            {
                gap++;
            }

            start = cut;
        }

        return segments;
    }

    /// <summary>How long the connector spent in each status within the segments (<see cref="Offline"/> while the station was), longest first.</summary>
    public static IReadOnlyList<StatusDuration> Durations(IEnumerable<StatusSegment> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var totals = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        foreach (var segment in segments)
        {
            var status = segment.Offline ? Offline : segment.Status;
            totals[status] = totals.GetValueOrDefault(status) + segment.Range.Length;
        }

        return [.. totals.Select(t => new StatusDuration(t.Key, t.Value)).OrderByDescending(d => d.Duration).ThenBy(d => d.Status, StringComparer.Ordinal)];
    }

    private static void AddCuts(SortedSet<DateTimeOffset> cuts, IEnumerable<DateTimeOffset> instants, TimeRange period)
    {
        foreach (var instant in instants)
        {
            if (period.Contains(instant))
            {
                cuts.Add(instant);
            }
        }
    }

    // The index of the last change at or before the instant (changes are in the order they took effect).
    private static int Advance(IReadOnlyList<StatusChange> changes, int index, DateTimeOffset instant)
    {
        while (index + 1 < changes.Count && changes[index + 1].At <= instant)
        {
            index++;
        }

        return index;
    }

    // Neighbours that say the same are one segment.
    private static void Append(List<StatusSegment> segments, StatusSegment segment)
    {
        if (segments.Count > 0 && segments[^1] is var last && last.Status == segment.Status && last.StationStatus == segment.StationStatus
            && last.Offline == segment.Offline && last.Range.End == segment.Range.Start)
        {
            segments[^1] = last with { Range = last.Range with { End = segment.Range.End } };
            return;
        }

        segments.Add(segment);
    }
}
