using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Simulator;

/// <summary>1.6 §3.10: another card of the same parentIdTag group stops a transaction; a card can never stop one of no group.</summary>
public sealed class GroupStopTests(SharedSqliteServer shared) : IClassFixture<SharedSqliteServer>
{
    private IskraServer Server => shared.Server;

    [Fact]
    public async Task A_card_of_the_same_group_stops_the_transaction_and_is_named_in_the_stop()
    {
        const string id = "sim-group-stop";
        await Server.IdTagAsync("GROUP-A1", parent: "GROUP-A");
        await Server.IdTagAsync("GROUP-A2", parent: "GROUP-A");
        await Server.IdTagAsync("GROUP-NONE");
        await using var station = await SimulatedStations.StartAsync(Server, id, OcppVersion.V16);
        await station.StartSessionAsync(1, "GROUP-A1");
        await station.SettleAsync();

        Assert.Equal("ConnectorBusy", await station.PresentCardAsync(1, "GROUP-NONE"));
        Assert.NotNull(station.Connector(1).Session);
        Assert.Equal("Stopped", await station.PresentCardAsync(1, "GROUP-A2"));
        await station.SettleAsync();

        var stop = station.Sent("StopTransaction")[^1];
        Assert.Equal("GROUP-A2", stop.GetProperty("idTag").GetString());
        Assert.Equal("Local", stop.GetProperty("reason").GetString());
        await station.AssertSentFramesValidAsync();
    }

    [Fact]
    public async Task A_transaction_of_no_group_ignores_other_cards_without_authorizing_them()
    {
        const string id = "sim-group-none";
        await Server.IdTagAsync("NOGROUP-1");
        await Server.IdTagAsync("NOGROUP-2");
        await using var station = await SimulatedStations.StartAsync(Server, id, OcppVersion.V16);
        await station.StartSessionAsync(1, "NOGROUP-1");
        await station.SettleAsync();
        var authorizations = station.Sent("Authorize").Count;

        Assert.Equal("ConnectorBusy", await station.PresentCardAsync(1, "NOGROUP-2"));

        await Task.Delay(300, TestContext.Current.CancellationToken);
        Assert.Equal(authorizations, station.Sent("Authorize").Count);
        Assert.NotNull(station.Connector(1).Session);
    }
}
