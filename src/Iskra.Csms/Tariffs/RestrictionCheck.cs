namespace Iskra.Csms.Tariffs;

/// <summary>
/// Whether a tariff element's restrictions hold (OCPI 2.2.1 TariffRestrictions class): every restriction
/// given must hold, an absent one always holds. Lower bounds are inclusive and upper bounds exclusive:
/// <list type="bullet">
/// <item>local time of day in [StartTime, EndTime); EndTime before StartTime wraps across midnight
/// (22:00–06:00); EndTime equal to StartTime is an empty window;</item>
/// <item>local date in [StartDate, EndDate);</item>
/// <item>local day of week in DaysOfWeek (an empty list restricts nothing, like an absent one);</item>
/// <item>the session's energy so far in [MinKwh, MaxKwh);</item>
/// <item>the power of the meter interval (Δ Wh / Δ h / 1000) in [MinPowerKw, MaxPowerKw);</item>
/// <item>the seconds since the session started in [MinDurationSeconds, MaxDurationSeconds).</item>
/// </list>
/// Local means in the tariff's time zone. A slice is judged at its start.
/// </summary>
internal static class RestrictionCheck
{
    /// <summary>All restrictions, for a slice of the session starting at local time <paramref name="local"/>.</summary>
    public static bool Holds(TariffRestrictions? r, DateTime local, TimelineSlice slice, long ticksSinceStart)
    {
        if (r is null)
        {
            return true;
        }

        return HoldsOnCalendar(r, local)
            && (r.MinKwh is not { } minKwh || slice.SessionWhBefore >= minKwh * 1000)
            && (r.MaxKwh is not { } maxKwh || slice.SessionWhBefore < maxKwh * 1000)
            && (r.MinPowerKw is not { } minKw || slice.PowerAtLeast(minKw))
            && (r.MaxPowerKw is not { } maxKw || !slice.PowerAtLeast(maxKw))
            && (r.MinDurationSeconds is not { } minS || ticksSinceStart >= minS * TimeSpan.TicksPerSecond)
            && (r.MaxDurationSeconds is not { } maxS || ticksSinceStart < maxS * TimeSpan.TicksPerSecond);
    }

    /// <summary>Only the time-of-day, date and day-of-week restrictions (used for FLAT, judged at the session's start).</summary>
    public static bool HoldsOnCalendar(TariffRestrictions? r, DateTime local)
    {
        if (r is null)
        {
            return true;
        }

        var date = DateOnly.FromDateTime(local);
        return InTimeWindow(r.StartTime, r.EndTime, TimeOnly.FromDateTime(local))
            && (r.StartDate is not { } from || date >= from)
            && (r.EndDate is not { } until || date < until)
            && (r.DaysOfWeek is not { Count: > 0 } days || days.Contains(local.DayOfWeek));
    }

    private static bool InTimeWindow(TimeOnly? start, TimeOnly? end, TimeOnly time) => (start, end) switch
    {
        (null, null) => true,
        ({ } s, null) => time >= s,
        (null, { } e) => time < e,
        ({ } s, { } e) when s <= e => time >= s && time < e,
        ({ } s, { } e) => time >= s || time < e,
    };
}
