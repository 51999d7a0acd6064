using Iskra.Csms.Tariffs;
using static Iskra.Csms.Tests.Tariffs.PricingSamples;

namespace Iskra.Csms.Tests.Tariffs;

/// <summary>Prices, step sizes, bounds and VAT, on clean meter data. Every figure is worked out by hand beside it.</summary>
public sealed class TariffPricerTests
{
    [Fact]
    public void An_energy_price_with_VAT_rounds_the_line_to_4_decimals_and_the_totals_to_cents()
    {
        var tariff = new TariffDefinition("EUR", 19, [Energy(0.30m)]);
        var cost = TariffPricer.Price(tariff, Registers(Utc(10), Utc(11), 1000, 13345));

        // 12.345 kWh × 0.30 = 3.7035; excl. VAT 3.70; VAT 3.70 × 0.19 = 0.703 → 0.70; total 4.40
        var line = Assert.Single(cost.Breakdown);
        Assert.Equal(new CostLine("ENERGY", 0, 12.345m, "kWh", 0.30m, 3.7035m), line);
        Assert.Equal(3.70m, cost.AmountExclVat);
        Assert.Equal(0.70m, cost.Vat);
        Assert.Equal(4.40m, cost.Amount);
        Assert.Equal("EUR", cost.Currency);
        Assert.Equal(12345m, cost.BilledEnergyWh);
        Assert.Equal(1m, cost.ChargingHours);
        Assert.Equal(0m, cost.ParkingHours);
        Assert.Empty(cost.Flags);
        Assert.True(cost.Final);
        Assert.Equal(new CostPeriod(Utc(10), 12.345m, 1, 0, 0, -1, -1), Assert.Single(cost.Periods));
    }

    [Fact]
    public void An_energy_step_size_bills_whole_blocks_of_that_many_Wh()
    {
        var cost = TariffPricer.Price(Tariff(Energy(0.30m, step: 1000)), Registers(Utc(10), Utc(11), 1000, 13345));

        // 12 345 Wh up to a multiple of 1000 = 13 000 Wh; 13 kWh × 0.30 = 3.90; the energy reported stays 12 345 Wh
        Assert.Equal(new CostLine("ENERGY", 0, 13m, "kWh", 0.30m, 3.90m), Assert.Single(cost.Breakdown));
        Assert.Equal(3.90m, cost.Amount);
        Assert.Equal(12345m, cost.BilledEnergyWh);
    }

    [Fact]
    public void Parking_after_charging_is_priced_per_started_step_of_parking_time()
    {
        var tariff = Tariff(Energy(0.30m), Element(TariffDimension.ParkingTime, 2.00m, step: 900));
        var session = Session(Utc(10), Utc(12, 50, 10), 0, 10000, [At(Utc(11), 10000)]);

        var cost = TariffPricer.Price(tariff, session);

        // charging 10:00–11:00: 10 kWh × 0.30 = 3.00
        // parking 11:00–12:50:10 = 6610 s → up to 900 s steps: 7200 s = 2 h × 2.00 = 4.00; total 7.00
        Assert.Equal(
            [new CostLine("ENERGY", 0, 10m, "kWh", 0.30m, 3.00m), new CostLine("PARKING_TIME", 1, 2m, "h", 2.00m, 4.00m)],
            cost.Breakdown);
        Assert.Equal(7.00m, cost.Amount);
        Assert.Equal(1m, cost.ChargingHours);
        Assert.Equal(1.836111m, cost.ParkingHours); // 6610 / 3600 = 1.8361111…
        Assert.Equal(
            [new CostPeriod(Utc(10), 10m, 1, 0, 0, -1, -1), new CostPeriod(Utc(11), 0, 0, 1.836111m, -1, -1, 1)],
            cost.Periods);
    }

    [Fact]
    public void Parking_time_with_a_minimum_duration_is_priced_from_that_session_age_on()
    {
        var parkingAfter90Minutes = new TariffRestrictions(MinDurationSeconds: 5400);
        var tariff = Tariff(Energy(0.30m), Element(TariffDimension.ParkingTime, 2.00m, step: 900, when: parkingAfter90Minutes));
        var session = Session(Utc(10), Utc(12, 50, 10), 0, 10000, [At(Utc(11), 10000)]);

        var cost = TariffPricer.Price(tariff, session);

        // parking priced from 11:30 (5400 s after the start) to 12:50:10 = 4810 s → 5400 s = 1.5 h × 2.00 = 3.00
        // with 10 kWh × 0.30 = 3.00: total 6.00
        Assert.Equal(new CostLine("PARKING_TIME", 1, 1.5m, "h", 2.00m, 3.00m), cost.Breakdown[1]);
        Assert.Equal(6.00m, cost.Amount);
        Assert.Equal(
            [
                new CostPeriod(Utc(10), 10m, 1, 0, 0, -1, -1),
                new CostPeriod(Utc(11), 0, 0, 0.5m, -1, -1, -1),
                new CostPeriod(Utc(11, 30), 0, 0, 1.336111m, -1, -1, 1), // 4810 s / 3600
            ],
            cost.Periods);
    }

    [Fact]
    public void A_minimum_price_adds_the_difference_as_its_own_line_before_VAT()
    {
        var tariff = new TariffDefinition("EUR", 19, [Energy(0.30m)], MinPrice: 5.00m);
        var cost = TariffPricer.Price(tariff, Registers(Utc(10), Utc(11), 0, 10000));

        // 10 kWh × 0.30 = 3.00 < 5.00: MIN_PRICE line 2.00; VAT 5.00 × 0.19 = 0.95; total 5.95
        Assert.Equal(new CostLine("MIN_PRICE", -1, 1, "session", 2.00m, 2.00m), cost.Breakdown[^1]);
        Assert.Equal(5.00m, cost.AmountExclVat);
        Assert.Equal(0.95m, cost.Vat);
        Assert.Equal(5.95m, cost.Amount);
    }

    [Fact]
    public void A_maximum_price_subtracts_the_excess_as_a_negative_line_before_VAT()
    {
        var tariff = new TariffDefinition("EUR", 19, [Energy(0.30m)], MaxPrice: 10.00m);
        var cost = TariffPricer.Price(tariff, Registers(Utc(10), Utc(12), 0, 50000));

        // 50 kWh × 0.30 = 15.00 > 10.00: MAX_PRICE line −5.00; VAT 10.00 × 0.19 = 1.90; total 11.90
        Assert.Equal(new CostLine("MAX_PRICE", -1, 1, "session", -5.00m, -5.00m), cost.Breakdown[^1]);
        Assert.Equal(10.00m, cost.AmountExclVat);
        Assert.Equal(1.90m, cost.Vat);
        Assert.Equal(11.90m, cost.Amount);
    }

    [Fact]
    public void A_flat_component_is_counted_once_per_session()
    {
        var tariff = Tariff(new TariffElement([new PriceComponent(TariffDimension.Flat, 1.50m), new PriceComponent(TariffDimension.Energy, 0.30m)]));
        var session = Session(Utc(10), Utc(12), 0, 20000, [At(Utc(10, 30), 5000), At(Utc(11), 10000), At(Utc(11, 30), 15000)]);

        var cost = TariffPricer.Price(tariff, session);

        // 20 kWh × 0.30 = 6.00 and one FLAT 1.50 (four meter intervals, still once): 7.50
        Assert.Equal(
            [new CostLine("ENERGY", 0, 20m, "kWh", 0.30m, 6.00m), new CostLine("FLAT", 0, 1, "session", 1.50m, 1.50m)],
            cost.Breakdown);
        Assert.Equal(7.50m, cost.Amount);
    }

    [Fact]
    public void Charging_time_is_priced_by_the_power_band_the_interval_falls_in()
    {
        var tariff = Tariff(
            Element(TariffDimension.Time, 1.00m, when: new TariffRestrictions(MaxPowerKw: 11)),
            Element(TariffDimension.Time, 3.00m, when: new TariffRestrictions(MinPowerKw: 11)));
        // 10–11 at 7 kW, 11–12 at 22 kW, 12–13 at exactly 11 kW
        var session = Session(Utc(10), Utc(13), 0, 40000, [At(Utc(11), 7000), At(Utc(12), 29000)]);

        var cost = TariffPricer.Price(tariff, session);

        // below 11 kW: 1 h × 1.00 = 1.00; at 11 kW and above (MinPower inclusive, MaxPower exclusive): 2 h × 3.00 = 6.00
        Assert.Equal(
            [new CostLine("TIME", 0, 1m, "h", 1.00m, 1.00m), new CostLine("TIME", 1, 2m, "h", 3.00m, 6.00m)],
            cost.Breakdown);
        Assert.Equal(7.00m, cost.Amount);
    }

    [Fact]
    public void A_MaxKwh_band_ends_exactly_at_the_crossing_inside_a_meter_interval()
    {
        var firstTenKwh = new TariffRestrictions(MaxKwh: 10);
        var tariff = Tariff(Energy(0.50m, when: firstTenKwh), Energy(0.30m));
        // 22 kW read every 15 minutes: 5.5 kWh per interval; 10 kWh is crossed in 10:15–10:30
        var session = Session(Utc(10), Utc(11), 0, 22000, [At(Utc(10, 15), 5500), At(Utc(10, 30), 11000), At(Utc(10, 45), 16500)]);

        var cost = TariffPricer.Price(tariff, session);

        // 10 kWh × 0.50 = 5.00; 12 kWh × 0.30 = 3.60; total 8.60
        Assert.Equal(
            [new CostLine("ENERGY", 0, 10m, "kWh", 0.50m, 5.00m), new CostLine("ENERGY", 1, 12m, "kWh", 0.30m, 3.60m)],
            cost.Breakdown);
        Assert.Equal(8.60m, cost.Amount);
        // the crossing: 4500 of 5500 Wh into 10:15–10:30 = 900 s × 4500 / 5500 = 736.3636… s after 10:15
        Assert.Equal(2, cost.Periods.Count);
        Assert.Equal((10m, 0), (cost.Periods[0].EnergyKwh, cost.Periods[0].EnergyElement));
        Assert.Equal((12m, 1), (cost.Periods[1].EnergyKwh, cost.Periods[1].EnergyElement));
        Assert.Equal(Utc(10, 15) + TimeSpan.FromTicks(7_363_636_364), cost.Periods[1].Start);
    }

    [Fact]
    public void A_tariff_without_elements_costs_nothing_or_its_minimum_price()
    {
        var session = Registers(Utc(10), Utc(11), 0, 10000);

        Assert.Equal(0m, TariffPricer.Price(Tariff(), session).Amount);
        var withMinimum = TariffPricer.Price(new TariffDefinition("EUR", 0, [], MinPrice: 2.00m), session);
        Assert.Equal(2.00m, withMinimum.Amount);
        Assert.Equal(new CostLine("MIN_PRICE", -1, 1, "session", 2.00m, 2.00m), Assert.Single(withMinimum.Breakdown));
    }

    [Fact]
    public void A_running_session_is_priced_up_to_its_last_reading_and_the_stop_register_only_once_final()
    {
        var tariff = Tariff(Energy(0.30m), Element(TariffDimension.ParkingTime, 1.20m));
        MeterPoint[] readings = [At(Utc(10, 15), 2750), At(Utc(10, 30), 5500), At(Utc(10, 45), 8250)];

        var running = TariffPricer.Price(tariff, Session(Utc(10), Utc(11), 0, 11000, readings, final: false));
        var final = TariffPricer.Price(tariff, Session(Utc(10), Utc(11), 0, 11000, readings, final: true));

        // running: 8.25 kWh × 0.30 = 2.475; 10:45–11:00 without a reading is parking: 0.25 h × 1.20 = 0.30;
        // 2.775 → 2.78
        Assert.Equal(8250m, running.BilledEnergyWh);
        Assert.Equal(2.78m, running.Amount);
        Assert.False(running.Final);
        // final: the stop register closes the last interval: 11 kWh × 0.30 = 3.30, no parking
        Assert.Equal(11000m, final.BilledEnergyWh);
        Assert.Equal(3.30m, final.Amount);
        Assert.Equal(0m, final.ParkingHours);
        Assert.True(final.Final);
    }

    [Fact]
    public void Without_any_meter_data_the_session_time_is_charging_time_and_the_cost_is_flagged()
    {
        var tariff = Tariff(new TariffElement([new PriceComponent(TariffDimension.Energy, 0.30m), new PriceComponent(TariffDimension.Time, 2.00m)]));

        var cost = TariffPricer.Price(tariff, Registers(Utc(10), Utc(11, 30), null, null));

        // no energy known; 1.5 h × 2.00 = 3.00
        Assert.Equal(new CostLine("TIME", 0, 1.5m, "h", 2.00m, 3.00m), Assert.Single(cost.Breakdown));
        Assert.Equal(0m, cost.BilledEnergyWh);
        Assert.Equal([CostFlags.NoMeterData], cost.Flags);
    }
}
