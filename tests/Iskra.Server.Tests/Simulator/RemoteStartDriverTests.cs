using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Simulator.Scenarios;

namespace Iskra.Server.Tests.Simulator;

/// <summary>
/// The simulated drivers (<c>--sessions</c>) after a remote start: the station accepts it and waits for the EV
/// (1.6 §5.11, 2.0.1 F01), and the driver who started from an app plugs in a few seconds later, so the
/// session begins, rather than the connector waiting out ConnectionTimeOut.
/// </summary>
public sealed class RemoteStartDriverTests(SharedSqliteServer shared) : IClassFixture<SharedSqliteServer>
{
    private IskraServer Server => shared.Server;

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task After_a_remote_start_the_driver_plugs_in_and_the_session_begins(OcppVersion version)
    {
        var id = $"driver-remote-{version}";
        await Server.IdTagAsync("APP-" + version);
        await using var station = await SimulatedStations.StartAsync(Server, id, version);
        var drivers = new DriverLoop(station, new DriverLoopOptions
        {
            Cards = ["NOT-USED"],
            MinIdle = TimeSpan.FromHours(1), // no card session of their own in this test
            MaxIdle = TimeSpan.FromHours(1),
            MinStep = TimeSpan.FromSeconds(1),
            MaxStep = TimeSpan.FromSeconds(2),
            MinCharge = TimeSpan.FromHours(1),
            MaxCharge = TimeSpan.FromHours(1),
            Seed = 7,
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var running = drivers.RunAsync(stop.Token);
        using var api = Server.Api();

        var answer = await (await api.PostJsonAsync($"/api/stations/{id}/commands/remote-start", $$"""{"connectorId":2,"idTag":"APP-{{version}}"}""")).JsonAsync(200);
        Assert.Equal("Accepted", answer.GetProperty("status").GetString());

        await station.WaitUntilAsync(s => s.Connector(2).Session is not null && drivers.Sessions == 1, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.True(station.Connector(2).Plugged);
        Assert.Equal(answer.GetProperty("remoteStartId").GetInt32(), station.Connector(2).Session!.RemoteStartId ?? answer.GetProperty("remoteStartId").GetInt32()); // 1.6 carries no remoteStartId
        await stop.CancelAsync();
        await running;
    }
}
