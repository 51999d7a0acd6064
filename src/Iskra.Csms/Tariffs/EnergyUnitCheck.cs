namespace Iskra.Csms.Tariffs;

/// <summary>
/// Finds energy readings sent in kWh while labelled (or defaulting to) Wh: a station that reports
/// "52.003" for a register of 52 003 Wh. OCPP 1.6 §7.43 and 2.0.1 UnitOfMeasureType default the unit of
/// Energy.Active.Import.Register to Wh, so a station that forgets the unit, or labels kWh as Wh, sends
/// values a thousand times too small. Two independent witnesses reveal it; either suffices:
/// <list type="number">
/// <item>the start register (StartTransaction.meterStart, always an integer Wh in 1.6) is at least 1000 Wh and
/// the first reading r is positive with meterStart / r between 500 and 2000;</item>
/// <item>the session's active power readings (W) have a positive mean P, the energy readings rise at a rate
/// R = (last − first) Wh / hours between them that is positive, and P / R is between 300 and 3000.</item>
/// </list>
/// The bands are wide on purpose: a real ratio is 1000, while a correct unit gives about 1 (the power mean
/// and the energy rate both include idle time, so they agree only roughly).
/// </summary>
internal static class EnergyUnitCheck
{
    /// <summary>Whether <paramref name="readings"/> (one per instant, in time order, within the session) look like kWh.</summary>
    public static bool LooksLikeKwh(PricingInput input, IReadOnlyList<MeterPoint> readings)
    {
        if (readings.Count == 0)
        {
            return false;
        }

        return StartRegisterSaysKwh(input.MeterStartWh, readings[0].Value) || PowerSaysKwh(input, readings);
    }

    private static bool StartRegisterSaysKwh(decimal? meterStartWh, decimal firstReading)
    {
        if (meterStartWh is not { } start || start < 1000 || firstReading <= 0)
        {
            return false;
        }

        // 500 ≤ start / first ≤ 2000, without dividing by a tiny first reading.
        return start >= 500 * firstReading && start <= 2000 * firstReading;
    }

    private static bool PowerSaysKwh(PricingInput input, IReadOnlyList<MeterPoint> readings)
    {
        var first = readings[0];
        var last = readings[^1];
        var ticks = (last.Timestamp - first.Timestamp).Ticks;
        var rise = last.Value - first.Value;
        if (ticks <= 0 || rise <= 0)
        {
            return false;
        }

        var power = input.PowerW
            .Where(p => p.Timestamp >= input.StartedAt && p.Timestamp <= input.EndedAt && Math.Abs(p.Value) <= MeterSeries.MaxRegisterWh)
            .Select(p => p.Value)
            .ToList();
        if (power.Count == 0)
        {
            return false;
        }

        var meanW = power.Sum() / power.Count;
        if (meanW <= 0)
        {
            return false;
        }

        // 300 ≤ P / R ≤ 3000 with R = rise / hours = rise × ticks-per-hour / ticks.
        // (a rate that rounds to zero or exceeds the mean power cannot give a ratio of 300 or more)
        var rateW = rise * CostRounding.TicksPerHour / ticks;
        return rateW > 0 && rateW <= meanW && meanW >= 300 * rateW && meanW <= 3000 * rateW;
    }
}
