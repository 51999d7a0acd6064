namespace Iskra.Csms.Tariffs;

/// <summary>
/// A session's energy register as the pricer trusts it: points (instant, Wh) that never go down and never
/// rise faster than a charger can deliver. Built from <see cref="PricingInput"/> in four steps:
/// <list type="number">
/// <item><b>Window.</b> Readings before <see cref="PricingInput.StartedAt"/> or after
/// <see cref="PricingInput.EndedAt"/> are ignored; a reading at exactly either instant counts.</item>
/// <item><b>One value per instant.</b> Readings are sorted by time. The same (instant, value) sent again
/// counts once (<see cref="CostFlags.DuplicateMeterValues"/>); two different values at one instant keep the
/// lower (<see cref="CostFlags.ConflictingReadings"/>): we never bill energy we are unsure of.</item>
/// <item><b>Unit.</b> When <see cref="EnergyUnitCheck"/> finds kWh sent as Wh, every reading is multiplied by
/// 1000 (<see cref="CostFlags.EnergyUnitSuspect"/>). A start or stop register is rescaled with them only when it
/// is on the readings' scale (within a factor of 2 of the first or last reading: a 2.0.1 session's registers
/// come from the same readings); a 1.6 meterStart/meterStop in Wh, a thousand times larger, is the witness of
/// the error and stays as it is.</item>
/// <item><b>Trust.</b> The candidates are (StartedAt, meter start) when known, the readings, and
/// (EndedAt, meter stop) only when the session is final and the stop is known. Walking them in order and
/// keeping the last trusted value: a value below it is dropped (<see cref="CostFlags.RegisterWentBackwards"/>,
/// or <see cref="CostFlags.MeterStopBelowStart"/> for a stop register below the start register); a rise
/// implying more than the plausible power (Δ Wh / Δ h / 1000 in kW), or any rise within no time, is dropped
/// (<see cref="CostFlags.ImplausibleEnergy"/>). The next trusted point then carries the energy since the
/// last trusted one, so nothing negative is ever priced.</item>
/// </list>
/// Without any reading in the window and without a start and stop register pair there is no meter data
/// (<see cref="CostFlags.NoMeterData"/>) and <see cref="Points"/> is empty. A reading or register beyond
/// <see cref="MaxRegisterWh"/> is no register at all and is dropped as <see cref="CostFlags.ImplausibleEnergy"/>.
/// </summary>
internal sealed class MeterSeries
{
    /// <summary>1 TWh: no meter of a charging station reads more (and decimal arithmetic stays far from overflow).</summary>
    public const decimal MaxRegisterWh = 1_000_000_000_000_000m;

    private MeterSeries(IReadOnlyList<MeterPoint> points) => Points = points;

    /// <summary>The trusted register points, in time order; empty when there is no meter data.</summary>
    public IReadOnlyList<MeterPoint> Points { get; }

    /// <summary>Cleans <paramref name="input"/>'s meter data, adding to <paramref name="flags"/> what was not trusted.</summary>
    public static MeterSeries Clean(PricingInput input, decimal maxPlausiblePowerKw, ISet<string> flags)
    {
        var readings = OnePerInstant(input, flags);
        var (meterStart, meterStop) = (input.MeterStartWh, input.MeterStopWh);
        if (EnergyUnitCheck.LooksLikeKwh(input, readings))
        {
            flags.Add(CostFlags.EnergyUnitSuspect);
            meterStart = OnScaleOf(meterStart, readings[0].Value) ? meterStart * 1000 : meterStart;
            meterStop = OnScaleOf(meterStop, readings[^1].Value) ? meterStop * 1000 : meterStop;
            readings = [.. readings.Select(r => r with { Value = r.Value * 1000 })];
        }

        var startWh = Register(meterStart, flags);
        var stopWh = input.Final ? Register(meterStop, flags) : null;
        if (readings.Count == 0 && !(startWh.HasValue && stopWh.HasValue))
        {
            flags.Add(CostFlags.NoMeterData);
            return new MeterSeries([]);
        }

        var trusted = new List<MeterPoint>();
        if (startWh is { } start)
        {
            trusted.Add(new MeterPoint(input.StartedAt, start));
        }

        foreach (var reading in readings)
        {
            Admit(trusted, reading, isStop: false, startWh, maxPlausiblePowerKw, flags);
        }

        if (stopWh is { } stop)
        {
            Admit(trusted, new MeterPoint(input.EndedAt, stop), isStop: true, startWh, maxPlausiblePowerKw, flags);
        }

        return new MeterSeries(trusted);
    }

    /// <summary>Whether <paramref name="register"/> is within a factor of 2 of <paramref name="reading"/> (both positive).</summary>
    private static bool OnScaleOf(decimal? register, decimal reading) =>
        register is { } r && r > 0 && reading > 0 && r <= 2 * reading && reading <= 2 * r && Math.Abs(r) <= MaxRegisterWh / 1000;

    private static List<MeterPoint> OnePerInstant(PricingInput input, ISet<string> flags)
    {
        var kept = new List<MeterPoint>();
        var inWindow = input.EnergyWh
            .Where(r => r.Timestamp >= input.StartedAt && r.Timestamp <= input.EndedAt)
            .OrderBy(r => r.Timestamp)
            .ThenBy(r => r.Value);
        foreach (var reading in inWindow)
        {
            if (Math.Abs(reading.Value) > MaxRegisterWh)
            {
                flags.Add(CostFlags.ImplausibleEnergy);
                continue;
            }

            if (kept.Count > 0 && kept[^1].Timestamp == reading.Timestamp)
            {
                // Sorted by value within an instant: the first one kept is the lowest.
                flags.Add(kept[^1].Value == reading.Value ? CostFlags.DuplicateMeterValues : CostFlags.ConflictingReadings);
                continue;
            }

            kept.Add(reading);
        }

        return kept;
    }

    private static decimal? Register(decimal? wh, ISet<string> flags)
    {
        if (wh is { } value && Math.Abs(value) > MaxRegisterWh)
        {
            flags.Add(CostFlags.ImplausibleEnergy);
            return null;
        }

        return wh;
    }

    private static void Admit(
        List<MeterPoint> trusted, MeterPoint candidate, bool isStop, decimal? startWh, decimal maxPlausiblePowerKw, ISet<string> flags)
    {
        if (trusted.Count == 0)
        {
            trusted.Add(candidate);
            return;
        }

        var last = trusted[^1];
        var rise = candidate.Value - last.Value;
        if (rise < 0)
        {
            flags.Add(isStop && candidate.Value < startWh ? CostFlags.MeterStopBelowStart : CostFlags.RegisterWentBackwards);
            return;
        }

        var ticks = (candidate.Timestamp - last.Timestamp).Ticks;
        if (rise > 0 && (ticks <= 0 || IsImplausible(rise, ticks, maxPlausiblePowerKw)))
        {
            flags.Add(CostFlags.ImplausibleEnergy);
            return;
        }

        trusted.Add(candidate);
    }

    // kW = Wh / (ticks / ticks-per-hour) / 1000, compared without dividing by the (tiny) elapsed time.
    private static bool IsImplausible(decimal riseWh, long ticks, decimal maxPlausiblePowerKw) =>
        riseWh * (CostRounding.TicksPerHour / 1000) > maxPlausiblePowerKw * ticks;
}
