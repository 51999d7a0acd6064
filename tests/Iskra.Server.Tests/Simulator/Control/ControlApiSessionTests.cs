using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Simulator.Control;

/// <summary>The control API over real HTTP drives a real session against the real Iskra.</summary>
public sealed class ControlApiSessionTests(SharedSqliteServer shared) : IClassFixture<SharedSqliteServer>
{
    private IskraServer Iskra => shared.Server;

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task Plug_card_and_unplug_over_http_make_a_session_that_Iskra_records(OcppVersion version)
    {
        var id = $"ctl-session-{version}";
        var card = "CTLCARD-" + version;
        await Iskra.IdTagAsync(card);
        await using var control = await ControlApi.StartAsync(Iskra, id, version);
        var ct = TestContext.Current.CancellationToken;

        var plugged = await (await control.PostAsync($"/stations/{id}/connectors/1/plug", """{"capacityWh":40000,"soc":0.2,"maxPowerW":11000}""")).JsonAsync(200);
        var connector = plugged.GetProperty("connectors")[0];
        Assert.True(connector.GetProperty("plugged").GetBoolean());
        Assert.Equal(0.2, connector.GetProperty("soc").GetDouble(), 3);
        Assert.Equal("Preparing", connector.GetProperty("status").GetString());

        var answer = await (await control.PostAsync($"/stations/{id}/connectors/1/card", $$"""{"idTag":"{{card}}"}""")).JsonAsync(200);
        Assert.Equal("Accepted", answer.GetProperty("result").GetString());
        await control.Station.WaitUntilAsync(s => s.Connector(1).Session is not null && s.Connector(1).PowerW > 0, TimeSpan.FromSeconds(10), ct);

        var state = await control.GetAsync($"/stations/{id}");
        Assert.True(state.GetProperty("online").GetBoolean());
        Assert.Equal("Accepted", state.GetProperty("registration").GetString());
        Assert.Equal(version == OcppVersion.V201 ? "2.0.1" : "1.6", state.GetProperty("version").GetString());
        var session = state.GetProperty("connectors")[0].GetProperty("session");
        Assert.Equal(card, session.GetProperty("idTag").GetString());
        Assert.True(state.GetProperty("connectors")[0].GetProperty("powerW").GetDouble() > 0);
        var listed = Assert.Single((await control.GetAsync("/stations")).EnumerateArray());
        Assert.Equal(id, listed.GetProperty("id").GetString());

        await Task.Delay(1500, ct); // a meter value or two
        var unplugged = await (await control.PostAsync($"/stations/{id}/connectors/1/unplug")).JsonAsync(200);
        Assert.False(unplugged.GetProperty("connectors")[0].GetProperty("plugged").GetBoolean());
        Assert.False(unplugged.GetProperty("connectors")[0].TryGetProperty("session", out _));
        await control.Station.SettleAsync();

        using var api = Iskra.Api();
        var list = await (await api.GetAsync($"/api/transactions?stationId={id}", ct)).JsonAsync(200);
        var transaction = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(card, transaction.GetProperty("idTag").GetString());
        Assert.Equal("EVDisconnected", transaction.GetProperty("stopReason").GetString());
        Assert.True(transaction.GetProperty("energyWh").GetDouble() > 0, transaction.ToString());

        var log = await control.GetAsync($"/stations/{id}/log");
        Assert.Contains(log.EnumerateArray(), e => e.GetProperty("kind").GetString() == "sent" && e.GetProperty("text").GetString()!.Contains("Authorize", StringComparison.Ordinal));
        await control.Station.AssertSentFramesValidAsync();
    }

    [Fact]
    public async Task Network_down_and_up_over_http_take_the_station_offline_and_back()
    {
        var id = "ctl-network";
        await using var control = await ControlApi.StartAsync(Iskra, id, OcppVersion.V16);
        var ct = TestContext.Current.CancellationToken;
        var before = control.Station.Connections;

        await (await control.PostAsync($"/stations/{id}/network-down")).JsonAsync(200);
        await control.Station.WaitUntilAsync(s => !s.IsConnected, TimeSpan.FromSeconds(10), ct);
        Assert.False((await control.GetAsync($"/stations/{id}")).GetProperty("connected").GetBoolean());

        await (await control.PostAsync($"/stations/{id}/network-up")).JsonAsync(200);
        await control.Station.WaitUntilAsync(s => s.IsOnline, TimeSpan.FromSeconds(10), ct);
        Assert.True(control.Station.Connections > before);
        Assert.True((await control.GetAsync($"/stations/{id}")).GetProperty("online").GetBoolean());
        await control.Station.AssertSentFramesValidAsync();
    }
}
