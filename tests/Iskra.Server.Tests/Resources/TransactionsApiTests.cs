using System.Globalization;
using System.Text.Json;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Resources;

/// <summary><c>/api/transactions</c>: the sessions real 1.6 and 2.0.1 stations ran, with their meter values.</summary>
public abstract class TransactionsApiTests(SharedServer shared)
{
    private IskraServer Server => shared.Server;

    [Fact]
    public async Task A_16_session_shows_its_energy_and_its_meter_values_including_the_StopTransaction_data()
    {
        var id = Pages.NewId("tx16");
        var tag = Pages.NewId("T16");
        await Server.IdTagAsync(tag);
        await using var station = await RespondingStation.StartAsync(Server, id, OcppVersion.V16);
        var start = await station.CallAsync("StartTransaction", $$"""{"connectorId":2,"idTag":"{{tag}}","meterStart":1000,"timestamp":"2026-11-23T10:00:00Z"}""");
        var txId = start.GetProperty("transactionId").GetInt32();
        await station.CallAsync("MeterValues", $$"""{"connectorId":2,"transactionId":{{txId}},"meterValue":[{"timestamp":"2026-11-23T10:05:00Z","sampledValue":[{"value":"1.5","measurand":"Energy.Active.Import.Register","unit":"kWh"},{"value":"16.1","measurand":"Current.Import","phase":"L1","unit":"A"}]}]}""");

        var running = Assert.Single(await Server.Api().ItemsAsync($"/api/transactions?stationId={id}&active=true"));
        Assert.True(running.GetProperty("active").GetBoolean());
        Assert.Equal(txId, running.GetProperty("transactionId").GetInt32()); // SPEC §2.2: the 1.6 integer
        Assert.Equal(JsonValueKind.Null, running.GetProperty("stoppedAt").ValueKind);

        await station.CallAsync("StopTransaction", $$"""{"transactionId":{{txId}},"idTag":"{{tag}}","meterStop":2500,"timestamp":"2026-11-23T10:10:00Z","reason":"EVDisconnected","transactionData":[{"timestamp":"2026-11-23T10:10:00Z","sampledValue":[{"value":"2500","context":"Transaction.End","measurand":"Energy.Active.Import.Register","unit":"Wh","location":"Outlet"}]}]}""");

        Assert.Empty(await Server.Api().ItemsAsync($"/api/transactions?stationId={id}&active=true"));
        var listed = Assert.Single(await Server.Api().ItemsAsync($"/api/transactions?stationId={id}&active=false"));
        var tx = await (await Server.Api().GetPathAsync($"/api/transactions/{listed.GetProperty("id").GetInt64()}")).JsonAsync(200);
        Assert.Equal((txId, id, 2, 2, tag), (tx.GetProperty("transactionId").GetInt32(), tx.GetProperty("stationId").GetString(), tx.GetProperty("connectorId").GetInt32(), tx.GetProperty("evseId").GetInt32(), tx.GetProperty("idTag").GetString()));
        Assert.Equal((1000m, 2500m, 1500m, "EVDisconnected", false), (tx.GetProperty("meterStartWh").GetDecimal(), tx.GetProperty("meterStopWh").GetDecimal(), tx.GetProperty("energyWh").GetDecimal(), tx.GetProperty("stopReason").GetString(), tx.GetProperty("active").GetBoolean()));
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero), tx.GetProperty("startedAt").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 10, 10, 0, TimeSpan.Zero), tx.GetProperty("stoppedAt").GetDateTimeOffset());
        Assert.True(tx.TryGetProperty("cost", out _));
        Assert.False(listed.TryGetProperty("meterValues", out _));

        var values = tx.GetProperty("meterValues").EnumerateArray().ToList();
        Assert.Equal([new DateTimeOffset(2026, 11, 23, 10, 5, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 23, 10, 10, 0, TimeSpan.Zero)], values.Select(v => v.GetProperty("timestamp").GetDateTimeOffset()));
        var first = values[0].GetProperty("sampledValue").EnumerateArray().ToList();
        Assert.Equal(["1.5", "16.1"], first.Select(s => s.GetProperty("value").GetString()));
        Assert.Equal(("Current.Import", "L1", "A"), (first[1].GetProperty("measurand").GetString(), first[1].GetProperty("phase").GetString(), first[1].GetProperty("unit").GetString()));
        var end = Assert.Single(values[1].GetProperty("sampledValue").EnumerateArray());
        Assert.Equal(("2500", "Transaction.End", "Outlet", "Wh"), (end.GetProperty("value").GetString(), end.GetProperty("context").GetString(), end.GetProperty("location").GetString(), end.GetProperty("unit").GetString()));
    }

    [Fact]
    public async Task A_201_session_shows_its_string_id_evse_and_energy_from_kWh()
    {
        var id = Pages.NewId("tx201");
        var tag = Pages.NewId("T201");
        await Server.IdTagAsync(tag);
        await using var station = await RespondingStation.StartAsync(Server, id, OcppVersion.V201);
        string Event(string type, int seqNo, string time, string extra, string meter) =>
            $$$"""{"eventType":"{{{type}}}","timestamp":"{{{time}}}","triggerReason":"CablePluggedIn","seqNo":{{{seqNo}}},"transactionInfo":{"transactionId":"{{{id}}}-A"{{{extra}}}},"evse":{"id":3,"connectorId":1},"idToken":{"idToken":"{{{tag}}}","type":"ISO14443"},"meterValue":[{"timestamp":"{{{time}}}","sampledValue":[{"value":{{{meter}}},"measurand":"Energy.Active.Import.Register","unitOfMeasure":{"unit":"kWh"}}]}]}""";
        await station.CallAsync("TransactionEvent", Event("Started", 0, "2026-11-23T10:00:00Z", ""","chargingState":"Charging" """, "10.5"));
        await station.CallAsync("TransactionEvent", Event("Ended", 1, "2026-11-23T10:30:00Z", ""","stoppedReason":"Local" """, "12.25"));

        var listed = Assert.Single(await Server.Api().ItemsAsync($"/api/transactions?stationId={id}"));
        var tx = await (await Server.Api().GetPathAsync($"/api/transactions/{listed.GetProperty("id").GetInt64()}")).JsonAsync(200);
        Assert.Equal(($"{id}-A", 3, 1, tag, "Local"), (tx.GetProperty("transactionId").GetString(), tx.GetProperty("evseId").GetInt32(), tx.GetProperty("connectorId").GetInt32(), tx.GetProperty("idTag").GetString(), tx.GetProperty("stopReason").GetString()));
        Assert.Equal((10500m, 12250m, 1750m), (tx.GetProperty("meterStartWh").GetDecimal(), tx.GetProperty("meterStopWh").GetDecimal(), tx.GetProperty("energyWh").GetDecimal()));
        var values = tx.GetProperty("meterValues").EnumerateArray().ToList();
        Assert.Equal(2, values.Count);
        Assert.Equal("kWh", values[1].GetProperty("sampledValue")[0].GetProperty("unit").GetString());
        Assert.Equal(12.25m, decimal.Parse(values[1].GetProperty("sampledValue")[0].GetProperty("value").GetString()!, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Sessions_are_listed_newest_first_filtered_by_start_time_and_paged_without_gaps()
    {
        var id = Pages.NewId("txpage");
        var tag = Pages.NewId("TPG");
        await Server.IdTagAsync(tag);
        await using var station = await RespondingStation.StartAsync(Server, id, OcppVersion.V16);
        for (var day = 1; day <= 5; day++)
        {
            var start = await station.CallAsync("StartTransaction", $$"""{"connectorId":1,"idTag":"{{tag}}","meterStart":0,"timestamp":"2026-10-0{{day}}T08:00:00Z"}""");
            await station.CallAsync("StopTransaction", $$"""{"transactionId":{{start.GetProperty("transactionId").GetInt32()}},"meterStop":{{day * 100}},"timestamp":"2026-10-0{{day}}T09:00:00Z"}""");
        }

        var all = await Server.Api().WalkAsync($"/api/transactions?stationId={id}", 2);
        Assert.Equal([500m, 400m, 300m, 200m, 100m], all.Select(t => t.GetProperty("energyWh").GetDecimal()));
        var ids = all.Select(t => t.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(ids.OrderDescending(), ids);

        var window = await Server.Api().ItemsAsync($"/api/transactions?stationId={id}&from=2026-10-02T00:00:00Z&to=2026-10-04T08:00:00Z");
        Assert.Equal([300m, 200m], window.Select(t => t.GetProperty("energyWh").GetDecimal()));

        foreach (var bad in new[] { "?from=yesterday", "?active=perhaps", "?cursor=-1", "?cursor=YWJj", "?limit=-5", "?from=2026-10-05T00:00:00Z&to=2026-10-01T00:00:00Z" })
        {
            await (await Server.Api().GetPathAsync("/api/transactions" + bad)).ProblemAsync(400);
        }

        await (await Server.Api().GetPathAsync("/api/transactions/999999999")).ProblemAsync(404);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await Server.Api().GetPathAsync("/api/transactions/not-a-number")).StatusCode);
    }
}

/// <summary><see cref="TransactionsApiTests"/> on SQLite.</summary>
public sealed class TransactionsApiOnSqliteTests(SharedSqliteServer shared) : TransactionsApiTests(shared), IClassFixture<SharedSqliteServer>;

/// <summary><see cref="TransactionsApiTests"/> on PostgreSQL.</summary>
public sealed class TransactionsApiOnPostgresTests(SharedPostgresServer shared) : TransactionsApiTests(shared), IClassFixture<SharedPostgresServer>;
