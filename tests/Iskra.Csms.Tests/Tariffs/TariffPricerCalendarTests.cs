using Iskra.Csms.Tariffs;
using static Iskra.Csms.Tests.Tariffs.PricingSamples;

namespace Iskra.Csms.Tests.Tariffs;

/// <summary>Time-of-day, day-of-week and DST: restrictions read in the tariff's time zone, energy split where they change.</summary>
public sealed class TariffPricerCalendarTests
{
    [Fact]
    public void A_session_across_the_end_of_the_daytime_band_is_split_at_the_local_boundary()
    {
        var daytime = new TariffRestrictions(StartTime: new TimeOnly(8, 0), EndTime: new TimeOnly(20, 0));
        var tariff = Tariff(Energy(0.40m, when: daytime), Energy(0.25m)) with { TimeZone = "Europe/Berlin" };
        // 19:00–21:00 CEST on Wednesday 2026-06-10 at a constant 11 kW: 22 kWh, one meter interval
        var start = new DateTimeOffset(2026, 6, 10, 19, 0, 0, Cest);
        var cost = TariffPricer.Price(tariff, Registers(start, start.AddHours(2), 100000, 122000));

        // 19–20 local: 11 kWh × 0.40 = 4.40; 20–21 local: 11 kWh × 0.25 = 2.75; total 7.15
        Assert.Equal(
            [new CostLine("ENERGY", 0, 11m, "kWh", 0.40m, 4.40m), new CostLine("ENERGY", 1, 11m, "kWh", 0.25m, 2.75m)],
            cost.Breakdown);
        Assert.Equal(7.15m, cost.Amount);
        Assert.Equal(
            [new CostPeriod(start, 11m, 1, 0, 0, -1, -1), new CostPeriod(start.AddHours(1), 11m, 1, 0, 1, -1, -1)],
            cost.Periods);
    }

    [Fact]
    public void A_night_band_that_ends_before_it_starts_wraps_across_midnight()
    {
        var night = new TariffRestrictions(StartTime: new TimeOnly(22, 0), EndTime: new TimeOnly(6, 0));
        var tariff = Tariff(Energy(0.20m, when: night), Energy(0.40m));

        // 21:00–23:00 UTC at 10 kW: 21–22 day 10 kWh × 0.40 = 4.00; 22–23 night 10 kWh × 0.20 = 2.00; total 6.00
        var cost = TariffPricer.Price(tariff, Registers(Utc(21), Utc(23), 0, 20000));

        Assert.Equal(
            [new CostLine("ENERGY", 0, 10m, "kWh", 0.20m, 2.00m), new CostLine("ENERGY", 1, 10m, "kWh", 0.40m, 4.00m)],
            cost.Breakdown);
        Assert.Equal(6.00m, cost.Amount);
    }

    [Fact]
    public void A_weekend_element_applies_from_local_midnight_between_Friday_and_Saturday()
    {
        var weekend = new TariffRestrictions(DaysOfWeek: [DayOfWeek.Saturday, DayOfWeek.Sunday]);
        var tariff = Tariff(Energy(0.50m, when: weekend), Energy(0.30m)) with { TimeZone = "Europe/Berlin" };
        // Friday 2026-06-12 23:00 CEST to Saturday 01:00 CEST at 7 kW: 14 kWh
        var start = new DateTimeOffset(2026, 6, 12, 23, 0, 0, Cest);

        var cost = TariffPricer.Price(tariff, Registers(start, start.AddHours(2), 5000, 19000));

        // Saturday 00–01 local: 7 kWh × 0.50 = 3.50 (element 0); Friday 23–24 local: 7 kWh × 0.30 = 2.10; total 5.60
        Assert.Equal(
            [new CostLine("ENERGY", 0, 7m, "kWh", 0.50m, 3.50m), new CostLine("ENERGY", 1, 7m, "kWh", 0.30m, 2.10m)],
            cost.Breakdown);
        Assert.Equal(5.60m, cost.Amount);
        // the cut is local midnight, 22:00 UTC, not UTC midnight
        Assert.Equal(new DateTimeOffset(2026, 6, 12, 22, 0, 0, TimeSpan.Zero), cost.Periods[1].Start);
    }

    [Fact]
    public void A_local_time_that_occurs_twice_when_DST_ends_is_priced_both_times()
    {
        // Europe/Berlin 2026-10-25: 03:00 CEST (01:00 UTC) becomes 02:00 CET, so 02:30–03:00 local happens twice:
        // 00:30–01:00 UTC and 01:30–02:00 UTC
        var halfPastTwo = new TariffRestrictions(StartTime: new TimeOnly(2, 30), EndTime: new TimeOnly(3, 0));
        var tariff = Tariff(Energy(0.10m, when: halfPastTwo), Energy(0.40m)) with { TimeZone = "Europe/Berlin" };
        var start = new DateTimeOffset(2026, 10, 25, 0, 0, 0, TimeSpan.Zero);

        // 00:00–03:00 UTC at 10 kW: 30 kWh
        var cost = TariffPricer.Price(tariff, Registers(start, start.AddHours(3), 0, 30000));

        // 2 × 0.5 h = 10 kWh × 0.10 = 1.00; the other 2 h = 20 kWh × 0.40 = 8.00; total 9.00
        Assert.Equal(
            [new CostLine("ENERGY", 0, 10m, "kWh", 0.10m, 1.00m), new CostLine("ENERGY", 1, 20m, "kWh", 0.40m, 8.00m)],
            cost.Breakdown);
        Assert.Equal(
            [start, start.AddMinutes(30), start.AddMinutes(60), start.AddMinutes(90), start.AddMinutes(120)],
            cost.Periods.Select(p => p.Start));
    }

    [Fact]
    public void A_band_starting_at_a_local_time_skipped_when_DST_begins_starts_at_the_change()
    {
        // Europe/Berlin 2026-03-29: 02:00 CET (01:00 UTC) becomes 03:00 CEST; 02:30 never happens that night,
        // and from 03:00 CEST on the local time is past 02:30
        var fromHalfPastTwo = new TariffRestrictions(StartTime: new TimeOnly(2, 30));
        var tariff = Tariff(Energy(0.10m, when: fromHalfPastTwo), Energy(0.40m)) with { TimeZone = "Europe/Berlin" };
        var start = new DateTimeOffset(2026, 3, 29, 0, 0, 0, TimeSpan.Zero);

        // 00:00–02:00 UTC at 10 kW: 00–01 UTC (01–02 CET) 10 kWh × 0.40 = 4.00; 01–02 UTC (03–04 CEST) 10 kWh × 0.10 = 1.00
        var cost = TariffPricer.Price(tariff, Registers(start, start.AddHours(2), 0, 20000));

        Assert.Equal(
            [new CostLine("ENERGY", 0, 10m, "kWh", 0.10m, 1.00m), new CostLine("ENERGY", 1, 10m, "kWh", 0.40m, 4.00m)],
            cost.Breakdown);
        Assert.Equal(start.AddHours(1), cost.Periods[1].Start);
    }

    [Fact]
    public void A_flat_fee_follows_the_restrictions_that_hold_when_the_session_starts()
    {
        var weekday = new TariffRestrictions(DaysOfWeek: [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday]);
        var tariff = Tariff(Element(TariffDimension.Flat, 2.00m, when: weekday), Element(TariffDimension.Flat, 1.00m));

        // Wednesday 23:00 UTC to Thursday 01:00: the Wednesday fee, once
        var wednesday = TariffPricer.Price(tariff, Registers(Utc(23), Utc(23).AddHours(2), 0, 0));
        // Saturday 2026-06-13: the second element
        var saturday = TariffPricer.Price(tariff, Registers(Utc(10).AddDays(3), Utc(11).AddDays(3), 0, 0));

        Assert.Equal(new CostLine("FLAT", 0, 1, "session", 2.00m, 2.00m), Assert.Single(wednesday.Breakdown));
        Assert.Equal(new CostLine("FLAT", 1, 1, "session", 1.00m, 1.00m), Assert.Single(saturday.Breakdown));
    }

    [Fact]
    public void A_date_range_holds_from_its_start_date_until_before_its_end_date_in_local_time()
    {
        // a promotion on 2026-06-11 only (end date exclusive), in Berlin
        var promotion = new TariffRestrictions(StartDate: new DateOnly(2026, 6, 11), EndDate: new DateOnly(2026, 6, 12));
        var tariff = Tariff(Energy(0.10m, when: promotion), Energy(0.40m)) with { TimeZone = "Europe/Berlin" };
        // 2026-06-10 21:00 UTC (23:00 CEST) to 2026-06-11 23:00 UTC (01:00 CEST on the 12th) at 1 kW: 26 kWh
        var cost = TariffPricer.Price(tariff, Registers(Utc(21), Utc(23).AddDays(1), 0, 26000));

        // the 11th local is 22:00 UTC on the 10th to 22:00 UTC on the 11th: 24 kWh × 0.10 = 2.40;
        // one hour before and one after: 2 kWh × 0.40 = 0.80; total 3.20
        Assert.Equal(
            [new CostLine("ENERGY", 0, 24m, "kWh", 0.10m, 2.40m), new CostLine("ENERGY", 1, 2m, "kWh", 0.40m, 0.80m)],
            cost.Breakdown);
        Assert.Equal(3.20m, cost.Amount);
        Assert.Equal(3, cost.Periods.Count);
    }
}
