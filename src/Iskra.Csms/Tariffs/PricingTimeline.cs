namespace Iskra.Csms.Tariffs;

/// <summary>
/// Cuts a session into <see cref="TimelineSlice"/>s:
/// <list type="number">
/// <item><b>Meter intervals.</b> Consecutive trusted register points make intervals. One with energy
/// (Δ Wh &gt; 0) is charging time, one without is parking time. The last point is extended to the session's end
/// without energy (parking), so time covers StartedAt..EndedAt. Time before the first point (no start register
/// known) has no known energy and is counted as charging time without energy, as is the whole session when
/// there is no meter data at all: the EV was connected and we cannot show it was idle.</item>
/// <item><b>Even spread.</b> An interval's energy is spread evenly over its time: the energy up to an instant
/// inside it is interpolated linearly.</item>
/// <item><b>Cuts.</b> Intervals are cut at the given instants (local midnights, restriction times of day,
/// offset changes, MinDuration/MaxDuration) and where the session's energy crosses a MinKwh/MaxKwh threshold.
/// At a threshold cut the energy on each side is exact and the instant is rounded to the tick (100 ns).</item>
/// </list>
/// Slices of no length and no energy are left out.
/// </summary>
internal static class PricingTimeline
{
    /// <summary>The slices of the session, in time order.</summary>
    /// <param name="cuts">Instants to cut at (any order; those outside the session are ignored).</param>
    /// <param name="energyThresholdsWh">Session energies to cut at (MinKwh/MaxKwh × 1000).</param>
    public static List<TimelineSlice> Slice(
        PricingInput input, MeterSeries series, IEnumerable<DateTimeOffset> cuts, IEnumerable<decimal> energyThresholdsWh)
    {
        var instants = cuts.Where(c => c > input.StartedAt && c < input.EndedAt).Distinct().Order().ToList();
        var thresholds = energyThresholdsWh.Distinct().Order().ToList();
        var slices = new List<TimelineSlice>();
        var sessionWh = 0m;
        foreach (var (start, end, wh, charging) in Intervals(input, series.Points))
        {
            var ticks = (end - start).Ticks;
            if (ticks <= 0)
            {
                continue;
            }

            var marks = new List<(long Ticks, decimal Wh)> { (0, 0), (ticks, wh) };
            foreach (var instant in instants.Where(i => i > start && i < end))
            {
                var offset = (instant - start).Ticks;
                marks.Add((offset, wh * offset / ticks));
            }

            foreach (var threshold in thresholds.Where(t => t > sessionWh && t < sessionWh + wh))
            {
                var part = threshold - sessionWh;
                var offset = (long)Math.Round(ticks * part / wh, MidpointRounding.AwayFromZero);
                marks.Add((Math.Clamp(offset, 0, ticks), part));
            }

            var ordered = marks.Distinct().OrderBy(m => m.Ticks).ThenBy(m => m.Wh).ToList();
            for (var i = 0; i + 1 < ordered.Count; i++)
            {
                var (from, whFrom) = ordered[i];
                var (to, whTo) = ordered[i + 1];
                if (to == from && whTo == whFrom)
                {
                    continue;
                }

                slices.Add(new TimelineSlice(
                    start + TimeSpan.FromTicks(from), to - from, whTo - whFrom, sessionWh + whFrom, charging, wh, ticks));
            }

            sessionWh += wh;
        }

        return slices;
    }

    private static IEnumerable<(DateTimeOffset Start, DateTimeOffset End, decimal Wh, bool Charging)> Intervals(
        PricingInput input, IReadOnlyList<MeterPoint> points)
    {
        if (points.Count == 0)
        {
            yield return (input.StartedAt, input.EndedAt, 0, true);
            yield break;
        }

        if (points[0].Timestamp > input.StartedAt)
        {
            yield return (input.StartedAt, points[0].Timestamp, 0, true);
        }

        for (var i = 0; i + 1 < points.Count; i++)
        {
            var wh = points[i + 1].Value - points[i].Value;
            yield return (points[i].Timestamp, points[i + 1].Timestamp, wh, wh > 0);
        }

        if (points[^1].Timestamp < input.EndedAt)
        {
            yield return (points[^1].Timestamp, input.EndedAt, 0, false);
        }
    }
}
