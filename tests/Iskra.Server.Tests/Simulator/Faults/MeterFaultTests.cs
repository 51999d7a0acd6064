using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Simulator.Faults;
using Iskra.Simulator.SmartCharging;

namespace Iskra.Server.Tests.Simulator.Faults;

/// <summary>The faults of a station's meter, seen in the frames it sends and in what Iskra stores of them.</summary>
public sealed class MeterFaultTests(FaultServer fixture) : IClassFixture<FaultServer>
{
    private const double Register = 52_000;

    private IskraServer Server => fixture.Server;

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task KwhLabelledWh_sends_kilowatt_hours_under_the_Wh_unit(OcppVersion version)
    {
        var (station, id) = await SessionAsync("f-kwh-" + version, version, StationFault.KwhLabelledWh);
        await using var _ = station;

        var sent = station.SentEnergy();
        Assert.NotEmpty(sent);
        Assert.All(sent, e => Assert.Equal("Wh", e.Unit));
        Assert.All(sent, e => Assert.InRange(e.Value, Register / 1000, (Register / 1000) + 1)); // 52.0 "Wh" on a 52 kWh register
        var stored = FaultAssertions.StoredEnergy(await Server.OnlyTransactionAsync(id));
        Assert.NotEmpty(stored);
        Assert.All(stored, e => Assert.InRange(e.Value, Register / 1000, (Register / 1000) + 1)); // Iskra takes them at their word
    }

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task EnergyWithoutUnit_sends_the_register_without_a_unit_in_kWh(OcppVersion version)
    {
        var (station, id) = await SessionAsync("f-nounit-" + version, version, StationFault.EnergyWithoutUnit);
        await using var _ = station;

        var sent = station.SentEnergy();
        Assert.NotEmpty(sent);
        Assert.All(sent, e => Assert.Null(e.Unit));
        Assert.All(sent, e => Assert.InRange(e.Value, Register / 1000, (Register / 1000) + 1));
        var stored = FaultAssertions.StoredEnergy(await Server.OnlyTransactionAsync(id));
        Assert.All(stored, e => Assert.InRange(e.Value, Register / 1000, (Register / 1000) + 1)); // read as Wh, the OCPP default unit
    }

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task NonMonotonicRegister_reports_a_register_that_steps_back_while_the_true_one_grows(OcppVersion version)
    {
        var (station, id) = await SessionAsync("f-back-" + version, version, StationFault.NonMonotonicRegister, minimumReadings: 4);
        await using var _ = station;

        var sent = station.SentEnergy().Select(e => e.Value).ToList();
        Assert.Contains(Enumerable.Range(1, sent.Count - 1), i => sent[i] < sent[i - 1]);
        Assert.True(station.Connector(1).RegisterWh > Register, "the true register grew");
        var stored = FaultAssertions.StoredEnergy(await Server.OnlyTransactionAsync(id)).Select(e => e.Value).ToList();
        Assert.Contains(Enumerable.Range(1, stored.Count - 1), i => stored[i] < stored[i - 1]);
    }

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task MeterStopBelowStart_ends_the_transaction_below_its_start(OcppVersion version)
    {
        var (station, id) = await SessionAsync("f-below-" + version, version, StationFault.MeterStopBelowStart);
        await using var _ = station;

        var stop = version == OcppVersion.V16
            ? station.Sent("StopTransaction").Single().GetProperty("meterStop").GetDouble()
            : station.SentEnergy()[^1].Value;
        Assert.Equal(Register - 1000, stop);
        var transaction = await Server.OnlyTransactionAsync(id);
        Assert.True(transaction.GetProperty("meterStopWh").GetDouble() < transaction.GetProperty("meterStartWh").GetDouble(), transaction.ToString());
    }

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task IgnoresChargingLimits_draws_full_power_under_a_limit(OcppVersion version)
    {
        var id = "f-limits-" + version;
        await Server.IdTagAsync("T-" + id);
        await using var station = await FaultyStations.StartAsync(Server, id, version, [StationFault.IgnoresChargingLimits]);
        await station.StartSessionAsync(1, "T-" + id);

        var power = await PowerUnderLimitAsync(station, 3000);

        Assert.True(power > 3000, $"{power} W under a 3000 W limit");
        await station.AssertSentFramesValidAsync();
    }

    /// <summary>Installs a default profile limiting connector 1 and returns the power the station reports two samples later.</summary>
    internal static async Task<double> PowerUnderLimitAsync(Iskra.Simulator.Stations.SimStation station, double limitW)
    {
        station.ChargingProfiles.Install(
            new ChargingProfile { Id = 900, ConnectorId = 1, StackLevel = 0, Purpose = ProfilePurpose.TxDefault, Periods = [new SchedulePeriod(0, limitW)] },
            replaceSameStackLevel: true,
            maxInstalled: 10);
        var seen = station.SentValues("Power.Active.Import").Count;
        await station.WaitUntilAsync(s => s.SentValues("Power.Active.Import").Count >= seen + 2, TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        return station.SentValues("Power.Active.Import")[^1].Value;
    }

    /// <summary>A station with <paramref name="fault"/> on and a 52 kWh register runs a short session to its stop.</summary>
    private async Task<(Iskra.Simulator.Stations.SimStation Station, string Id)> SessionAsync(string id, OcppVersion version, StationFault fault, int minimumReadings = 2)
    {
        var idTag = "T-" + id;
        await Server.IdTagAsync(idTag);
        var station = await FaultyStations.StartAsync(Server, id, version, [fault]);
        await station.LockedAsync(() => { station.Connector(1).RegisterWh = Register; });
        await station.StartSessionAsync(1, idTag);
        await station.WaitUntilAsync(s => s.SentEnergy().Count >= minimumReadings, TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        await station.UnplugAsync(1);
        await station.SettleAsync();
        return (station, id);
    }
}
