using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Simulator;

/// <summary>A simulated station's whole charging session as Iskra records it, on both versions.</summary>
public sealed class SimulatedSessionTests(SharedSqliteServer shared) : IClassFixture<SharedSqliteServer>
{
    private IskraServer Server => shared.Server;

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task A_card_session_is_recorded_with_its_energy_and_meter_values(OcppVersion version)
    {
        var id = $"sim-session-{version}";
        await Server.IdTagAsync("SIMCARD-" + version);
        await using var station = await SimulatedStations.StartAsync(Server, id, version);
        using var api = Server.Api();

        await station.StartSessionAsync(1, "SIMCARD-" + version);
        await Task.Delay(2500, TestContext.Current.CancellationToken); // a few 1-second samples
        await station.UnplugAsync(1); // at the EV: the transaction stops, the cable stays in the socket (Finishing)
        await station.SettleAsync();
        Assert.Equal(Iskra.Simulator.Model.ConnectorStatus.Finishing, station.Connector(1).Status);
        await station.UnplugAsync(1); // the unlocked cable is taken out of the socket
        await station.SettleAsync();

        var list = await (await api.GetAsync($"/api/transactions?stationId={id}", TestContext.Current.CancellationToken)).JsonAsync(200);
        var transaction = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal("SIMCARD-" + version, transaction.GetProperty("idTag").GetString());
        Assert.Equal("EVDisconnected", transaction.GetProperty("stopReason").GetString());
        Assert.True(transaction.GetProperty("energyWh").GetDouble() > 0, transaction.ToString());
        var single = await (await api.GetAsync($"/api/transactions/{transaction.GetProperty("id").GetInt64()}", TestContext.Current.CancellationToken)).JsonAsync(200);
        Assert.True(single.GetProperty("meterValues").GetArrayLength() >= 2, single.ToString());
        var stationView = await (await api.GetAsync($"/api/stations/{id}", TestContext.Current.CancellationToken)).JsonAsync(200);
        Assert.Equal("SIM-" + id, stationView.GetProperty("serialNumber").GetString());
        Assert.All(stationView.GetProperty("connectors").EnumerateArray().Where(c => c.GetProperty("connectorId").GetInt32() > 0),
            c => Assert.Equal("Available", c.GetProperty("status").GetString()));
        await station.AssertSentFramesValidAsync();
    }
}
