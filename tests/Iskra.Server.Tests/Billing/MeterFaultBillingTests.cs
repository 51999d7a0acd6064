using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Server.Tests.Simulator;
using Iskra.Server.Tests.Simulator.Faults;
using Iskra.Simulator.Faults;

namespace Iskra.Server.Tests.Billing;

/// <summary>
/// Bad meter data never makes a bad bill: each meter fault of the simulator yields a session flagged for review
/// with the right reason, priced on what can be trusted, never negative, never more energy than was delivered.
/// A repeated MeterValues is counted once and flagged.
/// </summary>
public sealed class MeterFaultBillingTests(BillingServer fixture) : IClassFixture<BillingServer>
{
    private const double Register = 52_000;

    private IskraServer Server => fixture.Server;

    public static TheoryData<StationFault, OcppVersion, string> Faults { get; } = new()
    {
        { StationFault.KwhLabelledWh, OcppVersion.V16, "EnergyUnitSuspect" },
        { StationFault.KwhLabelledWh, OcppVersion.V201, "EnergyUnitSuspect" },
        { StationFault.EnergyWithoutUnit, OcppVersion.V16, "EnergyUnitSuspect" },
        { StationFault.EnergyWithoutUnit, OcppVersion.V201, "EnergyUnitSuspect" },
        { StationFault.NonMonotonicRegister, OcppVersion.V16, "RegisterWentBackwards" },
        { StationFault.NonMonotonicRegister, OcppVersion.V201, "RegisterWentBackwards" },
        { StationFault.MeterStopBelowStart, OcppVersion.V16, "MeterStopBelowStart" },
        { StationFault.MeterStopBelowStart, OcppVersion.V201, "MeterStopBelowStart" },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_meter_fault_flags_the_session_and_bills_no_more_than_was_delivered(StationFault fault, OcppVersion version, string flag)
    {
        var id = $"bf-{fault.ToString()[..6]}-{(version == OcppVersion.V16 ? "16" : "201")}";
        var card = "BF" + Math.Abs(id.GetHashCode(StringComparison.Ordinal) % 1_000_000);
        await SessionPricingTests.TariffAsync(Server, id, """
            "currency":"EUR","vatPercent":0,"elements":[{"priceComponents":[{"type":"ENERGY","price":1.00}]}]
            """);
        await Server.IdTagAsync(card);
        await using var station = await FaultyStations.StartAsync(Server, id, version, [fault]);
        await station.LockedAsync(() => { station.Connector(1).RegisterWh = Register; });
        await station.StartSessionAsync(1, card);
        await station.WaitUntilAsync(s => s.SentEnergy().Count >= 5, TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
        await station.UnplugAsync(1);
        await station.SettleAsync();
        var delivered = (decimal)(station.Connector(1).RegisterWh - Register);

        using var api = Server.Api();
        var tx = Assert.Single((await (await api.GetAsync($"/api/transactions?stationId={id}", TestContext.Current.CancellationToken)).JsonAsync(200)).GetProperty("items").EnumerateArray());
        var cost = tx.GetProperty("cost");
        Assert.True(cost.GetProperty("final").GetBoolean(), tx.ToString());
        Assert.Contains(flag, cost.GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
        var billedWh = cost.GetProperty("billedEnergyWh").GetDecimal();
        var amount = cost.GetProperty("amount").GetDecimal();
        Assert.InRange(billedWh, 0m, delivered + 2m); // registers are rounded to whole Wh (or to 1 Wh as kWh with 3 decimals)
        Assert.InRange(amount, 0m, Math.Round((delivered + 2m) / 1000m, 2, MidpointRounding.AwayFromZero)); // 1.00 per kWh
        if (flag == "EnergyUnitSuspect")
        {
            Assert.True(billedWh >= delivered - 12m, $"priced as kWh: {billedWh} Wh of {delivered} Wh delivered"); // a 3-decimal kWh register loses up to 1 Wh per reading
        }

        var cdr = Assert.Single((await (await api.GetAsync($"/api/cdrs?stationId={id}", TestContext.Current.CancellationToken)).JsonAsync(200)).GetProperty("items").EnumerateArray());
        Assert.Contains(flag, cdr.GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(amount, cdr.GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task A_repeated_MeterValues_is_counted_once_and_flags_the_session()
    {
        var id = "bf-dup-16";
        await SessionPricingTests.TariffAsync(Server, id, """
            "currency":"EUR","vatPercent":0,"elements":[{"priceComponents":[{"type":"ENERGY","price":1.00}]}]
            """);
        await Server.IdTagAsync("BF-DUP");
        await using var station = await RespondingStation.StartAsync(Server, id, OcppVersion.V16);
        var started = await station.CallAsync("StartTransaction", """{"connectorId":1,"idTag":"BF-DUP","meterStart":1000,"timestamp":"2026-12-03T09:00:00Z"}""");
        var transactionId = started.GetProperty("transactionId").GetInt32();
        var meterValues = $$"""{"connectorId":1,"transactionId":{{transactionId}},"meterValue":[{"timestamp":"2026-12-03T09:30:00Z","sampledValue":[{"value":"6000","unit":"Wh"}]}]}""";
        await station.CallAsync("MeterValues", meterValues);
        await station.CallAsync("MeterValues", meterValues); // the same message again, as after a lost answer
        await station.CallAsync("StopTransaction", $$"""{"transactionId":{{transactionId}},"meterStop":11000,"timestamp":"2026-12-03T10:00:00Z"}""");

        using var api = Server.Api();
        var tx = Assert.Single((await (await api.GetAsync($"/api/transactions?stationId={id}", TestContext.Current.CancellationToken)).JsonAsync(200)).GetProperty("items").EnumerateArray());
        var cost = tx.GetProperty("cost");
        Assert.Equal((10_000m, 10.00m), (cost.GetProperty("billedEnergyWh").GetDecimal(), cost.GetProperty("amount").GetDecimal())); // 10 kWh × 1.00, not doubled
        Assert.Equal(["DuplicateMeterValues"], cost.GetProperty("flags").EnumerateArray().Select(f => f.GetString()!).ToArray());
        Assert.Contains("DuplicateMeterValues", tx.GetProperty("problems").EnumerateArray().Select(p => p.GetString()));
    }
}
