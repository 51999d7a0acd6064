using Iskra.Simulator.SmartCharging;

namespace Iskra.Server.Tests.Simulator.SmartCharging;

/// <summary>The simulator's composite-schedule calculator (1.6 §3.13, 2.0.1 K08), pure, at fixed times.</summary>
public sealed class CompositeScheduleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
    private static readonly ElectricalSupply ThreePhase = new(230, 3, Dc: false);
    private static readonly ScheduleContext Connector1 = new(1, ThreePhase);

    private static ChargingProfile Profile(int id, ProfilePurpose purpose, int stackLevel, RateUnit unit, params SchedulePeriod[] periods) => new()
    {
        Id = id,
        ConnectorId = purpose == ProfilePurpose.StationMax ? 0 : 1,
        StackLevel = stackLevel,
        Purpose = purpose,
        Unit = unit,
        StartSchedule = T0,
        Periods = periods,
    };

    private static void AssertPeriods(IReadOnlyList<CompositePeriod> actual, params (int Start, double LimitW)[] expected) =>
        Assert.Equal(expected, actual.Select(p => (p.StartPeriod, Math.Round(p.LimitW, 3))));

    [Fact]
    public void The_highest_valid_stack_level_prevails_and_a_lower_one_returns_when_its_duration_ends()
    {
        var base16 = Profile(1, ProfilePurpose.TxDefault, 0, RateUnit.A, new SchedulePeriod(0, 16));
        var exception10 = Profile(2, ProfilePurpose.TxDefault, 1, RateUnit.A, new SchedulePeriod(0, 10)) with { StartSchedule = T0.AddHours(1), Duration = 3600 };

        var periods = CompositeSchedule.Calculate([exception10, base16], Connector1, T0, 3 * 3600, 22_080);

        AssertPeriods(periods, (0, 11_040), (3600, 6_900), (7200, 11_040));
    }

    [Fact]
    public void The_limit_is_the_minimum_of_the_station_max_and_the_tx_profile_which_overrules_tx_default()
    {
        var stationMax = Profile(1, ProfilePurpose.StationMax, 0, RateUnit.W, new SchedulePeriod(0, 8000)) with { StartSchedule = T0.AddSeconds(900) };
        var txDefault = Profile(2, ProfilePurpose.TxDefault, 0, RateUnit.A, new SchedulePeriod(0, 10));
        var tx = Profile(3, ProfilePurpose.Tx, 0, RateUnit.A, new SchedulePeriod(0, 32), new SchedulePeriod(1800, 6)) with
        {
            Kind = ProfileKind.Relative,
            StartSchedule = null,
            TransactionId = "tx-1",
        };
        ChargingProfile[] profiles = [stationMax, txDefault, tx];

        var withTransaction = CompositeSchedule.Calculate(profiles, Connector1 with { TransactionId = "tx-1", TransactionStart = T0 }, T0, 3600, 22_080);
        var otherTransaction = CompositeSchedule.Calculate(profiles, Connector1 with { TransactionId = "tx-2", TransactionStart = T0 }, T0, 3600, 22_080);

        AssertPeriods(withTransaction, (0, 22_080), (900, 8_000), (1800, 4_140));
        AssertPeriods(otherTransaction, (0, 6_900)); // TxDefault 10 A, under the station max once it starts
        Assert.Equal(8_000, CompositeSchedule.LimitAt(profiles, new ScheduleContext(0, ThreePhase), T0.AddSeconds(901)));
    }

    [Fact]
    public void A_tx_profile_overrules_the_tx_default_for_the_whole_transaction_also_after_its_own_schedule_ends()
    {
        var stationMax = Profile(1, ProfilePurpose.StationMax, 0, RateUnit.A, new SchedulePeriod(0, 10));
        var txDefault = Profile(2, ProfilePurpose.TxDefault, 0, RateUnit.A, new SchedulePeriod(0, 6), new SchedulePeriod(260, 8)) with { Duration = 300 };
        var tx = Profile(3, ProfilePurpose.Tx, 0, RateUnit.A, new SchedulePeriod(0, 8), new SchedulePeriod(200, 6)) with { Duration = 240, TransactionId = "tx-1" };

        var periods = CompositeSchedule.Calculate([stationMax, txDefault, tx], Connector1 with { TransactionId = "tx-1", TransactionStart = T0 }, T0, 400, 22_080);

        AssertPeriods(periods, (0, 5_520), (200, 4_140), (240, 6_900)); // after 240 s only the station max: not the TxDefault's 8 A
    }

    [Fact]
    public void A_daily_recurring_profile_repeats_on_the_next_day_and_the_default_fills_the_gaps()
    {
        var night = Profile(1, ProfilePurpose.TxDefault, 0, RateUnit.A, new SchedulePeriod(0, 0)) with
        {
            Kind = ProfileKind.Recurring,
            Recurrency = Recurrency.Daily,
            Duration = 6 * 3600,
        };

        var periods = CompositeSchedule.Calculate([night], Connector1, T0.AddHours(20), 12 * 3600, 22_080);

        AssertPeriods(periods, (0, 22_080), (4 * 3600, 0), (10 * 3600, 22_080));
        Assert.Equal(0, CompositeSchedule.LimitAt([night], Connector1, T0.AddDays(3).AddHours(5)));
        Assert.Null(CompositeSchedule.LimitAt([night], Connector1, T0.AddDays(3).AddHours(7)));
    }

    [Fact]
    public void A_weekly_recurring_profile_applies_on_the_same_weekday_only()
    {
        var monday = Profile(1, ProfilePurpose.TxDefault, 0, RateUnit.W, new SchedulePeriod(0, 3000)) with
        {
            Kind = ProfileKind.Recurring,
            Recurrency = Recurrency.Weekly,
            Duration = 24 * 3600,
        };

        Assert.Equal(3000, CompositeSchedule.LimitAt([monday], Connector1, T0.AddDays(7).AddHours(12)));
        Assert.Null(CompositeSchedule.LimitAt([monday], Connector1, T0.AddDays(8).AddHours(12)));
    }

    [Fact]
    public void ValidFrom_and_validTo_bound_a_profile()
    {
        var window = Profile(1, ProfilePurpose.TxDefault, 0, RateUnit.W, new SchedulePeriod(0, 5000)) with
        {
            ValidFrom = T0.AddMinutes(10),
            ValidTo = T0.AddMinutes(20),
        };

        var periods = CompositeSchedule.Calculate([window], Connector1, T0, 3600, 22_080);

        AssertPeriods(periods, (0, 22_080), (600, 5_000), (1200, 22_080));
    }

    [Fact]
    public void A_tx_default_profile_on_the_connector_replaces_the_station_wide_one_for_that_connector_only()
    {
        var everywhere = Profile(1, ProfilePurpose.TxDefault, 0, RateUnit.A, new SchedulePeriod(0, 16)) with { ConnectorId = 0 };
        var here = Profile(2, ProfilePurpose.TxDefault, 0, RateUnit.A, new SchedulePeriod(0, 8));

        Assert.Equal(5_520, CompositeSchedule.LimitAt([everywhere, here], Connector1, T0));
        Assert.Equal(11_040, CompositeSchedule.LimitAt([everywhere, here], Connector1 with { ConnectorId = 2 }, T0));
    }

    [Fact]
    public void Amperes_convert_with_the_voltage_and_numberPhases_when_given()
    {
        var onePhase = Profile(1, ProfilePurpose.TxDefault, 0, RateUnit.A, new SchedulePeriod(0, 16, NumberPhases: 1));
        var dc = new ScheduleContext(1, new ElectricalSupply(400, 3, Dc: true));
        var amps = Profile(2, ProfilePurpose.TxDefault, 0, RateUnit.A, new SchedulePeriod(0, 100));

        Assert.Equal(3_680, CompositeSchedule.LimitAt([onePhase], Connector1, T0));
        Assert.Equal(40_000, CompositeSchedule.LimitAt([amps], dc, T0));
        Assert.Equal(16, ThreePhase.In(11_040, RateUnit.A));
    }

    [Fact]
    public void Without_an_applicable_profile_there_is_no_limit_and_before_its_start_an_absolute_profile_does_not_apply()
    {
        var later = Profile(1, ProfilePurpose.TxDefault, 0, RateUnit.W, new SchedulePeriod(0, 4000)) with { StartSchedule = T0.AddHours(1) };

        Assert.Null(CompositeSchedule.LimitAt([], Connector1, T0));
        Assert.Null(CompositeSchedule.LimitAt([later], Connector1, T0));
        Assert.Equal(4000, CompositeSchedule.LimitAt([later], Connector1, T0.AddHours(2)));
        AssertPeriods(CompositeSchedule.Calculate([], Connector1, T0, 600, 7_000), (0, 7_000));
    }
}
