using System.Text.Json;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Events;

/// <summary>Webhooks are stored: they survive a restart and keep delivering, their status is recorded, deleting them stops them.</summary>
public sealed class WebhookStorageTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_webhook_is_stored_survives_a_restart_records_its_deliveries_and_can_be_deleted(string provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var receiver = await WebhookReceiver.StartAsync();
        long id;
        await using (var first = await IskraServer.StartAsync(database, WebhookServer.Settings))
        {
            var created = await first.CreateWebhookAsync($$"""{"url":"{{receiver.Url}}","events":["station.connected","transaction.started"],"stationId":"wh-store","secret":"k"}""");
            id = created.GetProperty("id").GetInt64();
            Assert.Equal(("station.connected", "transaction.started"), (created.GetProperty("events")[0].GetString(), created.GetProperty("events")[1].GetString()));
            Assert.Equal((0L, JsonValueKind.Null), (created.GetProperty("failures").GetInt64(), created.GetProperty("lastSuccessAt").ValueKind));
        }

        await using var server = await IskraServer.StartAsync(database, WebhookServer.Settings);
        var list = await (await server.Api().Get("/api/webhooks")).JsonAsync(200);
        var stored = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, list.GetProperty("next").ValueKind);
        Assert.Equal((id, receiver.Url.ToString(), "wh-store", true), (stored.GetProperty("id").GetInt64(), stored.GetProperty("url").GetString(), stored.GetProperty("stationId").GetString(), stored.GetProperty("hasSecret").GetBoolean()));

        await using var failing = await WebhookReceiver.StartAsync(failFirst: int.MaxValue);
        var broken = (await server.CreateWebhookAsync($$"""{"url":"{{failing.Url}}","events":["station.connected"],"stationId":"wh-store"}""")).GetProperty("id").GetInt64();
        await using (await RespondingStation.StartAsync(server, "wh-store", OcppVersion.V16))
        {
            var delivered = await receiver.NextAsync();
            Assert.True(delivered.SignedWith("k"));
            Assert.Equal("station.connected", delivered.EventType);
        }

        var view = await server.WebhookWhenAsync(id, v => v.GetProperty("lastSuccessAt").ValueKind == JsonValueKind.String);
        Assert.Equal(JsonValueKind.Null, view.GetProperty("lastError").ValueKind);
        var failed = await server.WebhookWhenAsync(broken, v => v.GetProperty("failures").GetInt64() == 1);
        Assert.Matches("^attempt [0-9]+: HTTP 500$", failed.GetProperty("lastError").GetString());
        Assert.Equal(JsonValueKind.String, failed.GetProperty("lastFailureAt").ValueKind);
        await (await server.Api().Delete($"/api/webhooks/{broken}")).JsonAsync(204);

        await (await server.Api().Delete($"/api/webhooks/{id}")).JsonAsync(204);
        await (await server.Api().Get($"/api/webhooks/{id}")).ProblemAsync(404);
        await (await server.Api().Delete($"/api/webhooks/{id}")).ProblemAsync(404);
        Assert.Empty((await (await server.Api().Get("/api/webhooks")).JsonAsync(200)).GetProperty("items").EnumerateArray());
        Assert.False(server.Services.GetService(typeof(Iskra.Csms.Events.CsmsEvents)) is Iskra.Csms.Events.CsmsEvents { HasSubscribers: true });
    }
}
