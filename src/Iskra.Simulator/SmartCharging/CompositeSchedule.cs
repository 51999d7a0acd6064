namespace Iskra.Simulator.SmartCharging;

/// <summary>
/// The composite schedule of a connector (1.6 §3.13.3, 2.0.1 K08): per purpose the valid profile with the
/// highest stack level prevails (1.6 §3.13.2), a TxProfile overrules the TxDefaultProfile, and the limit is
/// the minimum of the station's max profile and that one. Limits are in W (A converts with the connector's
/// voltage and phases). Pure: the time is always given.
/// </summary>
public static class CompositeSchedule
{
    /// <summary>A Recurring profile's occurrences looked at, at most, around a window (a week of daily ones is 9).</summary>
    private const int MaxOccurrences = 1000;

    /// <summary>The limit in W at <paramref name="at"/>; null when no profile limits the connector then.</summary>
    public static double? LimitAt(IReadOnlyList<ChargingProfile> profiles, ScheduleContext context, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(context);
        return Limit(profiles, context, at, context.TransactionStart ?? at);
    }

    /// <summary>
    /// The composite schedule over <paramref name="durationSeconds"/> from <paramref name="start"/>: periods where the
    /// limit changes, merged when equal; where no profile applies the limit is <paramref name="defaultW"/>.
    /// </summary>
    public static IReadOnlyList<CompositePeriod> Calculate(IReadOnlyList<ChargingProfile> profiles, ScheduleContext context, DateTimeOffset start, int durationSeconds, double defaultW)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(context);
        var end = start.AddSeconds(durationSeconds);
        var anchor = context.TransactionStart ?? start;
        var times = new SortedSet<DateTimeOffset> { start };
        foreach (var profile in profiles)
        {
            times.UnionWith(Boundaries(profile, anchor, start, end).Where(t => t > start && t < end));
        }

        List<CompositePeriod> periods = [];
        foreach (var at in times)
        {
            var offset = (int)Math.Ceiling((at - start).TotalSeconds);
            if (offset >= durationSeconds && periods.Count > 0)
            {
                break;
            }

            var limit = Limit(profiles, context, at, anchor) ?? defaultW;
            if (periods.Count > 0 && periods[^1].StartPeriod == offset)
            {
                periods.RemoveAt(periods.Count - 1);
            }

            if (periods.Count == 0 || periods[^1].LimitW != limit)
            {
                periods.Add(new CompositePeriod(offset, limit));
            }
        }

        return periods;
    }

    private static double? Limit(IReadOnlyList<ChargingProfile> profiles, ScheduleContext context, DateTimeOffset at, DateTimeOffset anchor)
    {
        var max = Prevailing(profiles.Where(p => p.Purpose == ProfilePurpose.StationMax && p.ConnectorId == 0), context, at, anchor);
        if (context.ConnectorId == 0)
        {
            return max;
        }

        var tx = context.TransactionId is { } transactionId
            ? profiles.Where(p => p.Purpose == ProfilePurpose.Tx && p.ConnectorId == context.ConnectorId && p.TransactionId == transactionId && p.ValidAt(at)).ToList()
            : [];

        // 1.6 §3.13.1: a TxProfile present overrules the TxDefaultProfile for the duration of the running transaction,
        // also where its own schedule has ended; a TxDefaultProfile on the connector replaces the one on connector 0.
        var own = tx.Count > 0
            ? Prevailing(tx, context, at, anchor)
            : Prevailing(profiles.Where(p => p.Purpose == ProfilePurpose.TxDefault && p.ConnectorId == context.ConnectorId), context, at, anchor)
            ?? Prevailing(profiles.Where(p => p.Purpose == ProfilePurpose.TxDefault && p.ConnectorId == 0), context, at, anchor);
        return max is { } m && own is { } o ? Math.Min(m, o) : max ?? own;
    }

    /// <summary>The limit of the profile with the highest stack level that is valid and has a period at <paramref name="at"/>.</summary>
    private static double? Prevailing(IEnumerable<ChargingProfile> candidates, ScheduleContext context, DateTimeOffset at, DateTimeOffset anchor)
    {
        ChargingProfile? best = null;
        double? limit = null;
        foreach (var profile in candidates)
        {
            if ((best is null || profile.StackLevel > best.StackLevel) && ProfileLimit(profile, context.Supply, at, anchor) is { } watts)
            {
                best = profile;
                limit = watts;
            }
        }

        return limit;
    }

    private static double? ProfileLimit(ChargingProfile profile, ElectricalSupply supply, DateTimeOffset at, DateTimeOffset anchor)
    {
        if (!profile.ValidAt(at))
        {
            return null;
        }

        var offset = (at - Start(profile, anchor)).TotalSeconds;
        if (profile.Kind == ProfileKind.Recurring)
        {
            var cycle = Cycle(profile).TotalSeconds;
            offset = ((offset % cycle) + cycle) % cycle;
        }

        // 1.6 §5.16.4: periods past the duration are not executed; the last period lasts until it.
        if (offset < 0 || (profile.Duration is { } duration && offset >= duration))
        {
            return null;
        }

        SchedulePeriod? current = null;
        foreach (var period in profile.Periods)
        {
            if (period.StartPeriod <= offset && (current is null || period.StartPeriod >= current.StartPeriod))
            {
                current = period;
            }
        }

        return current is null ? null : supply.Watts(current.Limit, profile.Unit, current.NumberPhases);
    }

    /// <summary>The instants where a profile's limit may change: its validity bounds and each occurrence's period starts and end.</summary>
    private static IEnumerable<DateTimeOffset> Boundaries(ChargingProfile profile, DateTimeOffset anchor, DateTimeOffset from, DateTimeOffset to)
    {
        if (profile.ValidFrom is { } validFrom)
        {
            yield return validFrom;
        }

        if (profile.ValidTo is { } validTo)
        {
            yield return validTo;
        }

        var start = Start(profile, anchor);
        var first = 0L;
        var last = 0L;
        if (profile.Kind == ProfileKind.Recurring)
        {
            var cycle = Cycle(profile);
            first = (long)Math.Floor((from - start) / cycle) - 1;
            last = Math.Min((long)Math.Ceiling((to - start) / cycle), first + MaxOccurrences);
        }

        for (var k = first; k <= last; k++)
        {
            var occurrence = start + (k * (profile.Kind == ProfileKind.Recurring ? Cycle(profile) : TimeSpan.Zero));
            foreach (var period in profile.Periods)
            {
                yield return occurrence.AddSeconds(period.StartPeriod);
            }

            if (profile.Duration is { } duration)
            {
                yield return occurrence.AddSeconds(duration);
            }
        }
    }

    /// <summary>Where the schedule starts: the transaction (or the query) for Relative, else startSchedule.</summary>
    private static DateTimeOffset Start(ChargingProfile profile, DateTimeOffset anchor) =>
        profile.Kind == ProfileKind.Relative ? anchor : profile.StartSchedule ?? profile.ValidFrom ?? profile.InstalledAt;

    private static TimeSpan Cycle(ChargingProfile profile) =>
        profile.Recurrency == Recurrency.Weekly ? TimeSpan.FromDays(7) : TimeSpan.FromDays(1);
}
