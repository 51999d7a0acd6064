using Iskra.Csms.Tariffs;
using static Iskra.Csms.Tests.Tariffs.PricingSamples;

namespace Iskra.Csms.Tests.Tariffs;

/// <summary>Meter data that cannot be trusted as sent: never a negative energy, never billed twice, always flagged.</summary>
public sealed class TariffPricerMeterDataTests
{
    private static readonly TariffDefinition ThirtyCents = Tariff(Energy(0.30m));

    [Fact]
    public void A_register_that_goes_backwards_is_skipped_and_the_energy_is_the_true_register_span()
    {
        // every third reading 100 Wh behind the one before it
        MeterPoint[] readings =
        [
            At(Utc(10, 10), 11000), At(Utc(10, 20), 12000), At(Utc(10, 30), 11900),
            At(Utc(10, 40), 14000), At(Utc(10, 50), 15000), At(Utc(11, 0), 14900),
        ];

        var cost = TariffPricer.Price(ThirtyCents, Session(Utc(10), Utc(11, 10), 10000, 17000, readings));

        // 17 000 − 10 000 = 7000 Wh × 0.30 = 2.10
        Assert.Equal(7000m, cost.BilledEnergyWh);
        Assert.Equal(2.10m, cost.Amount);
        Assert.Equal([CostFlags.RegisterWentBackwards], cost.Flags);
        Assert.All(cost.Periods, p => Assert.True(p.EnergyKwh >= 0));
    }

    [Fact]
    public void A_stop_register_below_the_start_is_flagged_and_the_trusted_readings_are_priced()
    {
        var session = Session(Utc(10), Utc(11), 50000, 40000, [At(Utc(10, 30), 52000), At(Utc(11), 54000)]);

        var cost = TariffPricer.Price(ThirtyCents, session);

        // 54 000 − 50 000 = 4000 Wh × 0.30 = 1.20
        Assert.Equal(4000m, cost.BilledEnergyWh);
        Assert.Equal(1.20m, cost.Amount);
        Assert.Equal([CostFlags.MeterStopBelowStart], cost.Flags);
    }

    [Fact]
    public void A_stop_register_below_the_start_with_no_readings_bills_no_energy_rather_than_a_negative_amount()
    {
        var cost = TariffPricer.Price(ThirtyCents, Registers(Utc(10), Utc(11), 50000, 40000));

        Assert.Equal(0m, cost.BilledEnergyWh);
        Assert.Equal(0m, cost.Amount);
        Assert.Empty(cost.Breakdown);
        Assert.Equal([CostFlags.MeterStopBelowStart], cost.Flags);
    }

    [Fact]
    public void Readings_in_kWh_labelled_Wh_are_found_by_the_start_register_and_priced_as_kWh()
    {
        // meterStart 52 003 Wh; the readings say 52.003 "Wh": 52 003 / 52.003 = 1000
        MeterPoint[] readings = [At(Utc(10), 52.003m), At(Utc(10, 30), 57.503m), At(Utc(11), 63.003m)];

        var cost = TariffPricer.Price(ThirtyCents, Session(Utc(10), Utc(11), 52003, 63003, readings));

        // (63.003 − 52.003) × 1000 = 11 000 Wh × 0.30 = 3.30; the stop register 63 003 is not rescaled
        Assert.Equal(11000m, cost.BilledEnergyWh);
        Assert.Equal(3.30m, cost.Amount);
        Assert.Equal([CostFlags.EnergyUnitSuspect], cost.Flags);
    }

    [Fact]
    public void Readings_in_kWh_labelled_Wh_are_found_by_the_power_drawn_and_priced_as_kWh()
    {
        MeterPoint[] readings = [At(Utc(10), 52.003m), At(Utc(10, 30), 57.503m), At(Utc(11), 63.003m)];
        MeterPoint[] power = [At(Utc(10), 11000), At(Utc(10, 30), 11000), At(Utc(11), 11000)];

        var cost = TariffPricer.Price(ThirtyCents, Session(Utc(10), Utc(11), null, null, readings, power, final: false));

        // energy rate 11 "Wh" per hour against 11 000 W drawn: ratio 1000; 11 000 Wh × 0.30 = 3.30
        Assert.Equal(11000m, cost.BilledEnergyWh);
        Assert.Equal(3.30m, cost.Amount);
        Assert.Equal([CostFlags.EnergyUnitSuspect], cost.Flags);
    }

    [Fact]
    public void Start_and_stop_registers_taken_from_the_same_kWh_readings_are_rescaled_with_them()
    {
        // A 2.0.1 session: its start and stop registers are the Transaction.Begin and .End readings, in kWh too.
        MeterPoint[] readings = [At(Utc(10), 52.003m), At(Utc(10, 30), 57.503m), At(Utc(11), 63.003m)];
        MeterPoint[] power = [At(Utc(10), 11000), At(Utc(10, 30), 11000), At(Utc(11), 11000)];

        var cost = TariffPricer.Price(ThirtyCents, Session(Utc(10), Utc(11), 52.003m, 63.003m, readings, power, final: true));

        // 52 003 Wh to 63 003 Wh: 11 kWh × 0.30 = 3.30, with no register taken for a step back or an implausible jump
        Assert.Equal(11000m, cost.BilledEnergyWh);
        Assert.Equal(3.30m, cost.Amount);
        Assert.Equal([CostFlags.EnergyUnitSuspect], cost.Flags);
    }

    [Fact]
    public void Readings_in_Wh_that_match_the_power_drawn_are_not_rescaled()
    {
        MeterPoint[] readings = [At(Utc(10), 52003), At(Utc(10, 30), 57503), At(Utc(11), 63003)];
        MeterPoint[] power = [At(Utc(10), 11000), At(Utc(10, 30), 11000), At(Utc(11), 11000)];

        var cost = TariffPricer.Price(ThirtyCents, Session(Utc(10), Utc(11), 52003, null, readings, power, final: false));

        Assert.Equal(11000m, cost.BilledEnergyWh);
        Assert.Empty(cost.Flags);
    }

    [Fact]
    public void Readings_sent_twice_are_counted_once()
    {
        MeterPoint[] readings =
        [
            At(Utc(10, 30), 5000), At(Utc(11), 10000), At(Utc(10, 30), 5000), At(Utc(11), 10000), At(Utc(10, 30), 5000),
        ];

        var cost = TariffPricer.Price(ThirtyCents, Session(Utc(10), Utc(11), 0, 10000, readings));

        // 10 kWh × 0.30 = 3.00, not doubled
        Assert.Equal(10000m, cost.BilledEnergyWh);
        Assert.Equal(3.00m, cost.Amount);
        Assert.Equal([CostFlags.DuplicateMeterValues], cost.Flags);
    }

    [Fact]
    public void Of_two_different_readings_at_one_instant_the_lower_is_kept()
    {
        var untilHalfPastTen = new TariffRestrictions(EndTime: new TimeOnly(10, 30));
        var tariff = Tariff(Energy(0.40m, when: untilHalfPastTen), Energy(0.30m));
        MeterPoint[] readings = [At(Utc(10, 30), 5600), At(Utc(10, 30), 5000), At(Utc(11), 10000)];

        var cost = TariffPricer.Price(tariff, Session(Utc(10), Utc(11), 0, 10000, readings));

        // kept 5000: 5 kWh × 0.40 + 5 kWh × 0.30 = 2.00 + 1.50 = 3.50 (with 5600 it would be 2.24 + 1.32 = 3.56)
        Assert.Equal(3.50m, cost.Amount);
        Assert.Equal([CostFlags.ConflictingReadings], cost.Flags);
    }

    [Fact]
    public void An_implausible_jump_is_not_billed()
    {
        // +1 000 000 Wh in 15 minutes would be 4000 kW
        MeterPoint[] readings = [At(Utc(10, 15), 2500), At(Utc(10, 30), 1_002_500), At(Utc(10, 45), 7500)];

        var cost = TariffPricer.Price(ThirtyCents, Session(Utc(10), Utc(11), 0, 10000, readings));

        // 10 000 Wh × 0.30 = 3.00
        Assert.Equal(10000m, cost.BilledEnergyWh);
        Assert.Equal(3.00m, cost.Amount);
        Assert.Equal([CostFlags.ImplausibleEnergy], cost.Flags);
    }

    [Fact]
    public void The_plausible_power_limit_is_the_callers_to_set()
    {
        // 10 kWh in one hour is 10 kW: beyond a 5 kW limit
        var cost = TariffPricer.Price(ThirtyCents, Registers(Utc(10), Utc(11), 0, 10000), maxPlausiblePowerKw: 5);

        Assert.Equal(0m, cost.BilledEnergyWh);
        Assert.Equal([CostFlags.ImplausibleEnergy], cost.Flags);
    }

    [Fact]
    public void Readings_outside_the_session_are_ignored_and_those_at_its_edges_count()
    {
        MeterPoint[] readings = [At(Utc(9, 50), 500), At(Utc(10, 30), 6000), At(Utc(11), 11000), At(Utc(11, 10), 20000)];

        var cost = TariffPricer.Price(ThirtyCents, Session(Utc(10), Utc(11), 1000, null, readings, final: false));

        // 11 000 − 1000 = 10 000 Wh; the 09:50 reading (below the start) and the 11:10 one are outside
        Assert.Equal(10000m, cost.BilledEnergyWh);
        Assert.Empty(cost.Flags);
    }

    [Fact]
    public void Several_flags_come_in_the_order_of_CostFlags()
    {
        MeterPoint[] readings = [At(Utc(10, 30), 5000), At(Utc(10, 30), 5000), At(Utc(10, 45), 4900), At(Utc(11), 10000)];

        var cost = TariffPricer.Price(ThirtyCents, Session(Utc(10), Utc(11), 0, 10000, readings));

        Assert.Equal([CostFlags.RegisterWentBackwards, CostFlags.DuplicateMeterValues], cost.Flags);
        Assert.Equal(10000m, cost.BilledEnergyWh);
    }

    [Fact]
    public void Without_a_start_register_the_time_before_the_first_reading_is_charging_time_without_energy()
    {
        var tariff = Tariff(new TariffElement([new PriceComponent(TariffDimension.Energy, 0.30m), new PriceComponent(TariffDimension.Time, 1.00m)]));
        MeterPoint[] readings = [At(Utc(10, 30), 20000), At(Utc(11), 25000)];

        var cost = TariffPricer.Price(tariff, Session(Utc(10), Utc(11), null, null, readings, final: false));

        // 10:00–10:30 unknown energy: 0.5 h charging; 10:30–11:00: 5 kWh × 0.30 = 1.50 and 0.5 h;
        // time 1 h × 1.00 = 1.00; total 2.50
        Assert.Equal(
            [new CostLine("ENERGY", 0, 5m, "kWh", 0.30m, 1.50m), new CostLine("TIME", 0, 1m, "h", 1.00m, 1.00m)],
            cost.Breakdown);
        Assert.Equal(5000m, cost.BilledEnergyWh);
        Assert.Empty(cost.Flags);
    }

    [Fact]
    public void A_reading_beyond_any_meter_is_dropped_instead_of_failing_the_price()
    {
        MeterPoint[] readings = [At(Utc(10, 30), decimal.MaxValue), At(Utc(10, 45), 0.000001m), At(Utc(11), 10000)];
        MeterPoint[] power = [At(Utc(10, 30), decimal.MaxValue), At(Utc(10, 45), decimal.MaxValue)];

        var cost = TariffPricer.Price(ThirtyCents, Session(Utc(10), Utc(11), decimal.MinValue, 10000, readings, power));

        // the start register and the first reading are no registers; 0.000001 → 10 000 Wh is trusted: 9999.999999 Wh
        Assert.Equal(9999.999999m, cost.BilledEnergyWh);
        Assert.Equal(3.00m, cost.Amount);
        Assert.Contains(CostFlags.ImplausibleEnergy, cost.Flags);
    }
}
