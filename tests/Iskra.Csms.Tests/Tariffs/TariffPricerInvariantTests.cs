using Iskra.Csms.Tariffs;
using static Iskra.Csms.Tests.Tariffs.PricingSamples;

namespace Iskra.Csms.Tests.Tariffs;

/// <summary>What holds for any meter data, however messy: checked over seeded random sessions.</summary>
public sealed class TariffPricerInvariantTests
{
    private static readonly TariffDefinition Busy = new(
        "EUR",
        19,
        [
            Energy(0.50m, step: 500, when: new TariffRestrictions(MaxKwh: 5)),
            Energy(0.20m, when: new TariffRestrictions(StartTime: new TimeOnly(22, 0), EndTime: new TimeOnly(6, 0))),
            Element(TariffDimension.Time, 3.00m, step: 60, when: new TariffRestrictions(MinPowerKw: 50)),
            Element(TariffDimension.ParkingTime, 6.00m, step: 900, when: new TariffRestrictions(MinDurationSeconds: 7200)),
            Energy(0.35m, when: new TariffRestrictions(DaysOfWeek: [DayOfWeek.Saturday, DayOfWeek.Sunday])),
            new TariffElement([new PriceComponent(TariffDimension.Energy, 0.40m), new PriceComponent(TariffDimension.Flat, 0.99m)]),
        ],
        TimeZone: "Europe/Berlin");

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Energy_is_never_negative_and_periods_add_up_to_the_session(int seed)
    {
        var random = new Random(seed);
        for (var n = 0; n < 50; n++)
        {
            var input = MessySession(random);

            var cost = TariffPricer.Price(Busy, input);

            Assert.True(cost.BilledEnergyWh >= 0);
            Assert.All(cost.Periods, p => Assert.True(p.EnergyKwh >= 0 && p.ChargingHours >= 0 && p.ParkingHours >= 0));
            Assert.All(cost.Breakdown, l => Assert.True(l.Amount >= 0));
            Assert.Equal(cost.BilledEnergyWh / 1000, cost.Periods.Sum(p => p.EnergyKwh), 5);
            var hours = (decimal)(input.EndedAt - input.StartedAt).Ticks / TimeSpan.TicksPerHour;
            Assert.Equal(hours, cost.ChargingHours + cost.ParkingHours, 5);
            Assert.Equal(cost.AmountExclVat + cost.Vat, cost.Amount);
            Assert.Equal(Math.Round(cost.Breakdown.Sum(l => l.Amount), 2, MidpointRounding.AwayFromZero), cost.AmountExclVat);
            Assert.Equal(cost.Flags.Distinct(), cost.Flags);
        }
    }

    private static PricingInput MessySession(Random random)
    {
        var start = Utc(random.Next(0, 24), random.Next(0, 60)).AddDays(random.Next(0, 200));
        var end = start.AddSeconds(random.Next(60, 3 * 24 * 3600));
        var register = (decimal)random.Next(0, 1_000_000);
        var startWh = random.Next(4) == 0 ? (decimal?)null : register;
        var readings = new List<MeterPoint>();
        for (var at = start.AddSeconds(random.Next(-600, 600)); at <= end.AddMinutes(10); at = at.AddSeconds(random.Next(1, 1800)))
        {
            register += random.Next(0, 30_000);
            var value = random.Next(8) switch
            {
                0 => register - random.Next(1, 500), // behind
                1 => register + 5_000_000, // a jump
                _ => register,
            };
            readings.Add(new MeterPoint(at, value));
            if (random.Next(10) == 0)
            {
                readings.Add(new MeterPoint(at, value + random.Next(0, 2) * 100)); // again, or conflicting
            }
        }

        var stopWh = random.Next(4) == 0 ? (decimal?)null : register - random.Next(-1000, 1000);
        return new PricingInput(start, end, startWh, stopWh, readings, [], Final: random.Next(2) == 0);
    }
}
