namespace Iskra.Csms.Tariffs;

/// <summary>
/// Prices a session with a tariff: pure, decimal arithmetic, no I/O (docs/billing.md says the rules).
/// The steps, each documented on its helper:
/// <list type="number">
/// <item><see cref="MeterSeries"/> cleans the energy readings into trusted register points and flags what it
/// did not trust;</item>
/// <item><see cref="PricingTimeline"/> turns them into charging and parking time, cut wherever a restriction
/// can change (<see cref="LocalBoundaries"/>, durations, energy thresholds);</item>
/// <item>for each slice and each dimension (ENERGY and TIME while charging, PARKING_TIME while parking)
/// <see cref="ElementChoice"/> picks the first element with that dimension whose restrictions hold at the
/// slice's start (<see cref="RestrictionCheck"/>); FLAT is priced once, by the first element with a FLAT
/// component whose time-of-day, date and day-of-week restrictions hold at the session's start;</item>
/// <item><see cref="CostLines"/> applies step sizes and prices per element line; <see cref="CostPeriods"/>
/// groups the slices;</item>
/// <item>the total: the sum of the lines, brought up to <see cref="TariffDefinition.MinPrice"/> by a MIN_PRICE
/// line or down to <see cref="TariffDefinition.MaxPrice"/> by a negative MAX_PRICE line (element -1), then
/// rounded to 2 decimals; VAT = that × VatPercent / 100, rounded to 2 decimals; the amount is their sum.</item>
/// </list>
/// The tariff is the caller's to validate; an unknown <see cref="TariffDefinition.TimeZone"/> throws
/// <see cref="TimeZoneNotFoundException"/>, a tariff without elements costs nothing (or its minimum price).
/// </summary>
public static class TariffPricer
{
    /// <summary>An energy step implying more than this is not billed (<see cref="CostFlags.ImplausibleEnergy"/>).</summary>
    public const decimal DefaultMaxPlausiblePowerKw = 1000m;

    /// <summary>The cost of <paramref name="input"/> under <paramref name="tariff"/>.</summary>
    /// <param name="tariff">The tariff version the session is priced with.</param>
    /// <param name="input">The session: times, registers, readings; <see cref="PricingInput.Final"/> once it ended.</param>
    /// <param name="maxPlausiblePowerKw">A register rise implying more power than this is not billed.</param>
    public static SessionCost Price(TariffDefinition tariff, PricingInput input, decimal maxPlausiblePowerKw = DefaultMaxPlausiblePowerKw)
    {
        ArgumentNullException.ThrowIfNull(tariff);
        ArgumentNullException.ThrowIfNull(input);

        var zone = TimeZoneInfo.FindSystemTimeZoneById(tariff.TimeZone);
        var elements = tariff.Elements;
        var flags = new HashSet<string>();
        var series = MeterSeries.Clean(input, maxPlausiblePowerKw, flags);
        var slices = PricingTimeline.Slice(input, series, Cuts(tariff, zone, input), EnergyThresholdsWh(tariff));

        var lines = new CostLines();
        var periods = new CostPeriods();
        decimal energyWh = 0, chargingTicks = 0, parkingTicks = 0;
        foreach (var slice in slices)
        {
            var local = TimeZoneInfo.ConvertTime(slice.Start, zone).DateTime;
            var sinceStart = (slice.Start - input.StartedAt).Ticks;
            bool Holds(TariffRestrictions? r) => RestrictionCheck.Holds(r, local, slice, sinceStart);

            energyWh += slice.EnergyWh;
            if (slice.Charging)
            {
                var energy = ElementChoice.First(elements, TariffDimension.Energy, Holds);
                var time = ElementChoice.First(elements, TariffDimension.Time, Holds);
                lines.Add(energy, TariffDimension.Energy, slice.EnergyWh);
                lines.Add(time, TariffDimension.Time, slice.Ticks);
                periods.Add(slice, energy, time, -1);
                chargingTicks += slice.Ticks;
            }
            else
            {
                var parking = ElementChoice.First(elements, TariffDimension.ParkingTime, Holds);
                lines.Add(parking, TariffDimension.ParkingTime, slice.Ticks);
                periods.Add(slice, -1, -1, parking);
                parkingTicks += slice.Ticks;
            }
        }

        var localStart = TimeZoneInfo.ConvertTime(input.StartedAt, zone).DateTime;
        lines.Add(ElementChoice.First(elements, TariffDimension.Flat, r => RestrictionCheck.HoldsOnCalendar(r, localStart)), TariffDimension.Flat, 1);

        var breakdown = lines.Build(elements);
        var sum = breakdown.Sum(l => l.Amount);
        if (tariff.MinPrice is { } min && sum < min)
        {
            breakdown.Add(new CostLine("MIN_PRICE", -1, 1, "session", min - sum, min - sum));
            sum = min;
        }
        else if (tariff.MaxPrice is { } max && sum > max)
        {
            breakdown.Add(new CostLine("MAX_PRICE", -1, 1, "session", max - sum, max - sum));
            sum = max;
        }

        var exclVat = CostRounding.Money(sum);
        var vat = CostRounding.Money(exclVat * tariff.VatPercent / 100);
        return new SessionCost(
            exclVat + vat,
            exclVat,
            vat,
            tariff.Currency,
            energyWh,
            CostRounding.Hours(chargingTicks),
            CostRounding.Hours(parkingTicks),
            breakdown,
            periods.Build(),
            input.Final,
            CostFlags.Ordered(flags));
    }

    // Instants where a restriction can change: local boundaries of the day and of every time-of-day
    // restriction, and the session ages named by duration restrictions.
    private static IEnumerable<DateTimeOffset> Cuts(TariffDefinition tariff, TimeZoneInfo zone, PricingInput input)
    {
        var restrictions = tariff.Elements.Select(e => e.Restrictions).OfType<TariffRestrictions>().ToList();
        var times = restrictions
            .SelectMany(r => new[] { r.StartTime, r.EndTime })
            .OfType<TimeOnly>()
            .Distinct()
            .ToList();
        var ages = restrictions
            .SelectMany(r => new[] { r.MinDurationSeconds, r.MaxDurationSeconds })
            .OfType<int>()
            .Where(s => s > 0 && input.StartedAt.AddSeconds(s) < input.EndedAt)
            .Select(s => input.StartedAt.AddSeconds(s));
        return LocalBoundaries.Between(zone, input.StartedAt, input.EndedAt, times).Concat(ages);
    }

    private static IEnumerable<decimal> EnergyThresholdsWh(TariffDefinition tariff) =>
        tariff.Elements
            .Select(e => e.Restrictions)
            .OfType<TariffRestrictions>()
            .SelectMany(r => new[] { r.MinKwh, r.MaxKwh })
            .OfType<decimal>()
            .Select(kwh => kwh * 1000);
}
