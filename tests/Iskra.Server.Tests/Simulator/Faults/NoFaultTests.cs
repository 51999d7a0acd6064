using System.Globalization;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Simulator.Model;

namespace Iskra.Server.Tests.Simulator.Faults;

/// <summary>A station with no fault switched on shows none of the faults' symptoms.</summary>
public sealed class NoFaultTests(FaultServer fixture) : IClassFixture<FaultServer>
{
    private const double Register = 52_000;

    private IskraServer Server => fixture.Server;

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task A_station_without_faults_sends_none_of_their_symptoms(OcppVersion version)
    {
        var id = "f-none-" + version;
        await Server.IdTagAsync("T-" + id);
        await Server.IdTagAsync("R-" + id);
        await using var station = await FaultyStations.StartAsync(Server, id, version, [],
            o => o with { Configuration = new Dictionary<string, string> { ["MeterValueSampleInterval"] = "1", ["HeartbeatInterval"] = "1" } });
        using var api = Server.Api();

        // NoStatusAfterBoot, IgnoresHeartbeatInterval: statuses follow the boot; Iskra's interval replaces the configured 1 s.
        await station.WaitUntilAsync(s => s.Sent("StatusNotification").Count >= 2, TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.True(station.HeartbeatInterval > TimeSpan.FromSeconds(5), station.HeartbeatInterval.ToString());

        // The meter faults and IgnoresChargingLimits: a card session on a 52 kWh register under a 3 kW limit.
        await station.LockedAsync(() => { station.Connector(1).RegisterWh = Register; });
        await station.StartSessionAsync(1, "T-" + id);
        Assert.InRange(await MeterFaultTests.PowerUnderLimitAsync(station, 3000), 0, 3000);
        await station.WaitUntilAsync(s => s.SentEnergy().Count >= 4, TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        await station.UnplugAsync(1);
        await station.SettleAsync();
        var energy = station.SentEnergy();

        // RejectsRemoteStart, NoTransactionAfterRemoteStart: Iskra's remote start is accepted and starts.
        await station.PlugInAsync(2, new ElectricVehicle(capacityWh: 40_000, soc: 0.2, maxPowerW: 11_000));
        var started = await (await api.PostJsonAsync($"/api/stations/{id}/commands/remote-start", $$"""{"connectorId":2,"idTag":"R-{{id}}"}""")).JsonAsync(200);
        Assert.Equal("Accepted", started.GetProperty("status").GetString());
        await station.WaitUntilAsync(s => s.Connector(2).Session is not null, TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        await station.SettleAsync();

        Assert.All(energy, e => Assert.Equal("Wh", e.Unit));
        Assert.All(energy, e => Assert.True(e.Value >= Register, $"{e.Value} Wh"));
        Assert.All(energy.Skip(1).Zip(energy), pair => Assert.True(pair.First.Value >= pair.Second.Value, $"{pair.Second.Value} then {pair.First.Value}"));
        var calls = station.SentCalls();
        Assert.Equal(calls.Count, calls.Select(f => f[1].GetString()).Distinct().Count());
        Assert.All(calls.SelectMany(f => ClockFaultTests.Timestamps(f[3])), t =>
        {
            Assert.EndsWith("Z", t, StringComparison.Ordinal);
            Assert.InRange(DateTimeOffset.Parse(t, CultureInfo.InvariantCulture), DateTimeOffset.UtcNow.AddMinutes(-2), DateTimeOffset.UtcNow.AddMinutes(1));
        });
        Assert.DoesNotContain(station.ReceivedFrames(), f => f[0].GetInt32() == 4);
        var card = await Server.OnlyCardTransactionAsync(id, "T-" + id);
        Assert.True(card.GetProperty("meterStopWh").GetDouble() >= card.GetProperty("meterStartWh").GetDouble(), card.ToString());
        await station.AssertSentFramesValidAsync();
    }
}
