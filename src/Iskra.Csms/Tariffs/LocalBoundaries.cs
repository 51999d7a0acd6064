namespace Iskra.Csms.Tariffs;

/// <summary>
/// The instants between two moments at which a time-of-day, day-of-week or date restriction can start or stop
/// holding, read in the tariff's time zone: every local midnight, every local time of day a restriction names,
/// and every change of the zone's UTC offset (DST). Daylight saving time is handled exactly: a local time that
/// occurs twice (autumn) gives both instants; a local time that does not occur (spring) gives none, because the
/// restriction then changes at the offset change, which is a boundary itself.
/// </summary>
internal static class LocalBoundaries
{
    /// <summary>The boundaries strictly between <paramref name="from"/> and <paramref name="to"/>, unordered.</summary>
    public static IEnumerable<DateTimeOffset> Between(
        TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset to, IReadOnlyCollection<TimeOnly> timesOfDay)
    {
        if (to <= from)
        {
            yield break;
        }

        var firstDay = TimeZoneInfo.ConvertTime(from, zone).Date.AddDays(-1);
        var lastDay = TimeZoneInfo.ConvertTime(to, zone).Date.AddDays(1);
        for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
        {
            foreach (var time in timesOfDay.Append(TimeOnly.MinValue))
            {
                foreach (var instant in Instants(zone, day + time.ToTimeSpan()))
                {
                    if (instant > from && instant < to)
                    {
                        yield return instant;
                    }
                }
            }
        }

        foreach (var change in OffsetChanges(zone, from, to))
        {
            yield return change;
        }
    }

    private static IEnumerable<DateTimeOffset> Instants(TimeZoneInfo zone, DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified))
        {
            return [];
        }

        if (zone.IsAmbiguousTime(unspecified))
        {
            return zone.GetAmbiguousTimeOffsets(unspecified).Select(offset => new DateTimeOffset(unspecified, offset));
        }

        return [new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified))];
    }

    // Offsets change at most a few times a year and never twice within an hour: look hour by hour, then find
    // the exact tick by halving.
    private static IEnumerable<DateTimeOffset> OffsetChanges(TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset to)
    {
        var step = TimeSpan.FromHours(1);
        var at = from;
        var offset = zone.GetUtcOffset(at);
        while (at < to)
        {
            var next = at + step < to ? at + step : to;
            var nextOffset = zone.GetUtcOffset(next);
            if (nextOffset != offset)
            {
                var change = FirstWithOffset(zone, at, next, offset);
                if (change > from && change < to)
                {
                    yield return change;
                }
            }

            at = next;
            offset = nextOffset;
        }
    }

    private static DateTimeOffset FirstWithOffset(TimeZoneInfo zone, DateTimeOffset before, DateTimeOffset after, TimeSpan oldOffset)
    {
        // Invariant: before has the old offset, after has a new one.
        while ((after - before).Ticks > 1)
        {
            var middle = before + TimeSpan.FromTicks((after - before).Ticks / 2);
            if (zone.GetUtcOffset(middle) == oldOffset)
            {
                before = middle;
            }
            else
            {
                after = middle;
            }
        }

        return after;
    }
}
