using System.Text.Json;
using Iskra.Ocpp;
using Iskra.Server.Tests.Events;
using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Resources;

/// <summary>
/// SPEC §2.2: a transaction's <c>transactionId</c> is "the 1.6 integer or the 2.0.1 string", the same in
/// every place that shows it: the transaction list, the single view, the events stream and webhook payloads.
/// </summary>
public abstract class TransactionIdTests(SharedServer shared)
{
    private IskraServer Server => shared.Server;

    [Fact]
    public async Task A_1_6_transaction_id_is_the_same_integer_in_the_api_the_events_and_the_webhooks()
    {
        var id = Pages.NewId("txid16");
        var tag = Pages.NewId("TID");
        await Server.IdTagAsync(tag);
        await using var receiver = await WebhookReceiver.StartAsync();
        await Server.CreateWebhookAsync($$"""{"url":"{{receiver.Url}}","events":["transaction.started","transaction.stopped"],"stationId":"{{id}}"}""");
        await using var events = await SseClient.OpenAsync(Server, id);
        await using var station = await RespondingStation.StartAsync(Server, id, OcppVersion.V16);

        var txId = (await station.CallAsync("StartTransaction", $$"""{"connectorId":1,"idTag":"{{tag}}","meterStart":0,"timestamp":"2026-11-23T10:00:00Z"}""")).GetProperty("transactionId").GetInt32();
        await station.CallAsync("StopTransaction", $$"""{"transactionId":{{txId}},"meterStop":700,"timestamp":"2026-11-23T10:10:00Z"}""");

        var listed = Assert.Single(await Server.Api().ItemsAsync($"/api/transactions?stationId={id}"));
        var single = await (await Server.Api().GetPathAsync($"/api/transactions/{listed.GetProperty("id").GetInt64()}")).JsonAsync(200);
        var started = await events.NextOfAsync("transaction.started", "station.connected", "station.status");
        var stopped = await events.NextOfAsync("transaction.stopped", "station.status", "transaction.updated");
        var hookStarted = (await receiver.NextDeliveredAsync("transaction.started")).Json.GetProperty("data");
        var hookStopped = (await receiver.NextDeliveredAsync("transaction.stopped")).Json.GetProperty("data");
        foreach (var (where, shown) in new[] { ("list", listed), ("single", single), ("event started", started.Data), ("event stopped", stopped.Data), ("webhook started", hookStarted), ("webhook stopped", hookStopped) })
        {
            var value = shown.GetProperty("transactionId");
            Assert.True(value.ValueKind == JsonValueKind.Number && value.GetInt32() == txId, $"{where}: {value.GetRawText()}, expected the integer {txId}");
        }
    }

    [Fact]
    public async Task A_2_0_1_transaction_id_stays_a_string_even_when_it_looks_like_a_number()
    {
        var id = Pages.NewId("txid201");
        await using var events = await SseClient.OpenAsync(Server, id);
        await using var station = await RespondingStation.StartAsync(Server, id, OcppVersion.V201);
        await station.CallAsync("TransactionEvent", """{"eventType":"Started","timestamp":"2026-11-23T10:00:00Z","triggerReason":"CablePluggedIn","seqNo":0,"transactionInfo":{"transactionId":"1234"},"evse":{"id":1,"connectorId":1}}""");

        var listed = Assert.Single(await Server.Api().ItemsAsync($"/api/transactions?stationId={id}"));
        var single = await (await Server.Api().GetPathAsync($"/api/transactions/{listed.GetProperty("id").GetInt64()}")).JsonAsync(200);
        var started = await events.NextOfAsync("transaction.started", "station.connected", "station.status");
        foreach (var shown in new[] { listed, single, started.Data })
        {
            Assert.Equal("\"1234\"", shown.GetProperty("transactionId").GetRawText());
        }
    }
}

/// <summary><see cref="TransactionIdTests"/> on SQLite.</summary>
public sealed class TransactionIdOnSqliteTests(SharedSqliteServer shared) : TransactionIdTests(shared), IClassFixture<SharedSqliteServer>;

/// <summary><see cref="TransactionIdTests"/> on PostgreSQL.</summary>
public sealed class TransactionIdOnPostgresTests(SharedPostgresServer shared) : TransactionIdTests(shared), IClassFixture<SharedPostgresServer>;
