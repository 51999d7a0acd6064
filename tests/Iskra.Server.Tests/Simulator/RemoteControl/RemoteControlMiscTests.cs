using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Simulator.RemoteControl;

/// <summary>ClearCache and DataTransfer on both versions; 2.0.1 GetTransactionStatus and CostUpdated.</summary>
public sealed class RemoteControlMiscTests(SharedSqliteServer shared) : IClassFixture<SharedSqliteServer>
{
    private IskraServer Server => shared.Server;

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task Clear_cache_and_data_transfer(OcppVersion version)
    {
        var id = $"sim-rc-misc-{version}";
        await Server.IdTagAsync("RC-CACHE-" + version);
        await using var station = await SimulatedStations.StartAsync(Server, id, version);
        using var api = Server.Api();
        Assert.Equal("Accepted", await station.AuthorizeAsync("RC-CACHE-" + version));
        Assert.Equal(1, station.Authorization.CacheCount);

        Assert.Equal("Accepted", (await api.CommandAsync(id, "clear-cache")).Status());
        Assert.Equal(0, station.Authorization.CacheCount);
        station.Configuration.SetInternal("AuthorizationCacheEnabled", "false");
        Assert.Equal("Rejected", (await api.CommandAsync(id, "clear-cache")).Status());

        var echoed = await api.CommandAsync(id, "data-transfer", """{"vendorId":"Iskra","messageId":"Echo","data":"hello"}""");
        Assert.Equal("Accepted", echoed.Status());
        Assert.Equal("hello", echoed.GetProperty("response").GetProperty("data").GetString());
        var unknown = await api.CommandAsync(id, "data-transfer", """{"vendorId":"com.example","data":"hello"}""");
        Assert.Equal("UnknownVendorId", unknown.Status());
        await station.AssertSentFramesValidAsync();
    }

    [Fact]
    public async Task Transaction_status_and_cost_updates_on_2_0_1()
    {
        const string id = "sim-rc-txstatus";
        await Server.IdTagAsync("RC-TXSTATUS");
        await using var station = await SimulatedStations.StartAsync(Server, id, OcppVersion.V201);
        using var api = Server.Api();
        var transactionId = await station.StartSessionAsync(1, "RC-TXSTATUS");
        await station.SettleAsync();

        var running = await api.RawAsync(id, "GetTransactionStatus", $$"""{"transactionId":"{{transactionId}}"}""");
        Assert.True(running.GetProperty("ongoingIndicator").GetBoolean());
        Assert.False(running.GetProperty("messagesInQueue").GetBoolean());
        var unknown = await api.RawAsync(id, "GetTransactionStatus", """{"transactionId":"no-such-transaction"}""");
        Assert.False(unknown.GetProperty("ongoingIndicator").GetBoolean());
        var any = await api.RawAsync(id, "GetTransactionStatus", "{}");
        Assert.False(any.TryGetProperty("ongoingIndicator", out _));

        var cost = await api.RawAsync(id, "CostUpdated", $$"""{"totalCost":3.25,"transactionId":"{{transactionId}}"}""");
        Assert.Equal(System.Text.Json.JsonValueKind.Object, cost.ValueKind);
        Assert.Contains(station.Log.Entries, e => e.Kind == "note" && e.Text.Contains("3.25", StringComparison.Ordinal));

        // Offline, the transaction's messages queue up and the station says so once it can.
        await station.NetworkDownAsync();
        await station.WaitUntilAsync(s => !s.IsConnected, TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        await station.UnplugAsync(1);
        Assert.True(station.QueuedTransactionMessages > 0);
        await station.NetworkUpAsync();
        await station.SettleAsync();
        var ended = await api.RawAsync(id, "GetTransactionStatus", $$"""{"transactionId":"{{transactionId}}"}""");
        Assert.False(ended.GetProperty("ongoingIndicator").GetBoolean());
        Assert.False(ended.GetProperty("messagesInQueue").GetBoolean());
        await station.AssertSentFramesValidAsync();
    }
}
