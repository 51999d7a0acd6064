using System.Text.Json;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Simulator.Scenarios;

namespace Iskra.Server.Tests.Simulator.Control;

/// <summary>The simulated drivers of --sessions and demo mode, sped up, against the real Iskra.</summary>
public sealed class DriverLoopTests(SharedSqliteServer shared) : IClassFixture<SharedSqliteServer>
{
    private IskraServer Iskra => shared.Server;

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task Drivers_charge_again_and_again_and_unknown_cards_start_nothing(OcppVersion version)
    {
        var id = $"loop-{version}";
        var card = "LOOP-" + version;
        await Iskra.IdTagAsync(card);
        await using var station = await SimulatedStations.StartAsync(Iskra, id, version);
        var ct = TestContext.Current.CancellationToken;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var loop = new DriverLoop(station, new DriverLoopOptions { Cards = [card, card, "NOT-A-CARD"], Scale = 0.01, Seed = 7 });
        var running = loop.RunAsync(stop.Token);
        using var api = Iskra.Api();

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        List<JsonElement> stopped = [];
        while (stopped.Count < 2)
        {
            Assert.True(DateTime.UtcNow < deadline, $"only {stopped.Count} sessions ended within 15 s");
            await Task.Delay(250, ct);
            var list = await (await api.GetAsync($"/api/transactions?stationId={id}", ct)).JsonAsync(200);
            stopped = [.. list.GetProperty("items").EnumerateArray().Where(t => t.GetProperty("stoppedAt").ValueKind == JsonValueKind.String)];
        }

        await stop.CancelAsync();
        await running;
        Assert.All(stopped, t => Assert.Equal(card, t.GetProperty("idTag").GetString()));
        Assert.All(stopped, t => Assert.True(t.GetProperty("stopReason").GetString() is "EVDisconnected" or "Local", t.ToString()));
        Assert.All(stopped, t => Assert.True(t.GetProperty("energyWh").GetDouble() > 0, t.ToString()));
        Assert.True(loop.Sessions >= stopped.Count);
        await station.AssertSentFramesValidAsync();
    }
}
