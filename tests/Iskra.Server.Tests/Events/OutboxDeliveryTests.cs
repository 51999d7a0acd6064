using System.Text.Json;
using Iskra.Csms.Access;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Events;

/// <summary>Webhooks go through the persistent outbox: a stable delivery id, every attempt visible, expiry, deletion, and the deliveries API.</summary>
public sealed class OutboxDeliveryTests(WebhookServer shared) : IClassFixture<WebhookServer>
{
    private IskraServer Server => shared.Server;

    [Fact]
    public async Task A_receiver_failing_twice_gets_one_delivery_id_three_times_and_the_delivery_shows_three_attempts()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 2);
        var hook = (await Server.CreateWebhookAsync($$"""{"url":"{{receiver.Url}}","events":["station.connected"],"stationId":"ob-retry"}""")).GetProperty("id").GetInt64();
        await using var station = await RespondingStation.StartAsync(Server, "ob-retry", OcppVersion.V16);

        var requests = new[] { await receiver.NextAsync(), await receiver.NextAsync(), await receiver.NextAsync() };
        var id = requests[0].Headers["X-Iskra-Delivery-Id"];
        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.All(requests, r => Assert.Equal(id, r.Headers["X-Iskra-Delivery-Id"]));
        Assert.Equal((true, true, false), (requests[0].FailedOnPurpose, requests[1].FailedOnPurpose, requests[2].FailedOnPurpose));

        var delivery = await DeliveryWhenAsync(hook, d => d.GetProperty("state").GetString() == "Delivered");
        Assert.Equal((id, "Webhook", "station.connected", "ob-retry", 3), (
            delivery.GetProperty("deliveryId").GetString(), delivery.GetProperty("channel").GetString(), delivery.GetProperty("eventType").GetString(),
            delivery.GetProperty("stationId").GetString(), delivery.GetProperty("attempts").GetInt32()));
        Assert.Equal(JsonValueKind.Null, delivery.GetProperty("nextAttemptAt").ValueKind);
        var detail = await (await Server.Api().Get($"/api/deliveries/{delivery.GetProperty("id").GetInt64()}")).JsonAsync(200);
        var attempts = detail.GetProperty("attempts").EnumerateArray().ToList();
        Assert.Equal(["HTTP 500", "HTTP 500", "delivered"], attempts.Select(a => a.GetProperty("outcome").GetString()));
        Assert.Equal([false, false, true], attempts.Select(a => a.GetProperty("succeeded").GetBoolean()));
        Assert.Equal(requests[2].Body, System.Text.Encoding.UTF8.GetBytes(detail.GetProperty("body").GetString()!));
    }

    [Fact]
    public async Task A_delivery_that_never_succeeds_fails_when_it_expires_and_can_be_retried()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: int.MaxValue);
        var hook = (await Server.CreateWebhookAsync($$"""{"url":"{{receiver.Url}}","events":["station.connected"],"stationId":"ob-expire"}""")).GetProperty("id").GetInt64();
        await using var station = await RespondingStation.StartAsync(Server, "ob-expire", OcppVersion.V16);

        var failed = await DeliveryWhenAsync(hook, d => d.GetProperty("state").GetString() == "Failed");
        Assert.Equal("expired: HTTP 500", failed.GetProperty("lastError").GetString());
        Assert.True(failed.GetProperty("attempts").GetInt32() >= 3, failed.ToString()); // 8 s of retries every 50 to 200 ms
        Assert.Equal(JsonValueKind.String, failed.GetProperty("finishedAt").ValueKind);
        var id = failed.GetProperty("id").GetInt64();
        var attempts = (await (await Server.Api().Get($"/api/deliveries/{id}")).JsonAsync(200)).GetProperty("attempts").GetArrayLength();
        Assert.Equal(failed.GetProperty("attempts").GetInt32(), attempts);

        receiver.Heal();
        var retried = await (await Server.Api().PostJsonAsync($"/api/deliveries/{id}/retry", "")).JsonAsync(200);
        Assert.Equal("Pending", retried.GetProperty("state").GetString());
        var delivered = await DeliveryWhenAsync(hook, d => d.GetProperty("state").GetString() == "Delivered");
        Assert.Equal((id, attempts + 1), (delivered.GetProperty("id").GetInt64(), delivered.GetProperty("attempts").GetInt32()));
        Assert.Equal("Not failed", (await (await Server.Api().PostJsonAsync($"/api/deliveries/{id}/retry", "")).ProblemAsync(409)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Deleting_a_webhook_fails_its_pending_deliveries()
    {
        await using var dead = await WebhookReceiver.StartAsync(hang: true);
        var hook = (await Server.CreateWebhookAsync($$"""{"url":"{{dead.Url}}","stationId":"ob-delete"}""")).GetProperty("id").GetInt64();
        await using var station = await RespondingStation.StartAsync(Server, "ob-delete", OcppVersion.V16);
        for (var i = 0; i < 3; i++)
        {
            await station.CallAsync("StatusNotification", $$"""{"connectorId":{{i + 1}},"errorCode":"NoError","status":"Available"}""");
        }

        await ListWhenAsync($"/api/deliveries?webhookId={hook}", items => items.Count >= 4 && dead.Arrivals == 1);
        await (await Server.Api().Delete($"/api/webhooks/{hook}")).JsonAsync(204);

        var after = await ListWhenAsync($"/api/deliveries?webhookId={hook}", items => items.Count >= 4);
        Assert.All(after, d => Assert.Equal(("Failed", "webhook deleted"), (d.GetProperty("state").GetString(), d.GetProperty("lastError").GetString())));
        Assert.Equal(1, dead.Arrivals); // the one in flight when it was deleted; nothing after
    }

    [Fact]
    public async Task The_deliveries_list_pages_newest_first_and_filters()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var hook = (await Server.CreateWebhookAsync($$"""{"url":"{{receiver.Url}}","stationId":"ob-list"}""")).GetProperty("id").GetInt64();
        await using var station = await RespondingStation.StartAsync(Server, "ob-list", OcppVersion.V16);
        await station.CallAsync("StatusNotification", """{"connectorId":1,"errorCode":"NoError","status":"Available"}""");
        var all = await ListWhenAsync($"/api/deliveries?webhookId={hook}&state=Delivered", items => items.Count >= 2);

        var first = await (await Server.Api().Get($"/api/deliveries?webhookId={hook}&limit=1")).JsonAsync(200);
        var one = Assert.Single(first.GetProperty("items").EnumerateArray());
        var second = await (await Server.Api().Get($"/api/deliveries?webhookId={hook}&limit=1&cursor={first.GetProperty("next").GetString()}")).JsonAsync(200);
        var two = Assert.Single(second.GetProperty("items").EnumerateArray());
        Assert.True(one.GetProperty("id").GetInt64() > two.GetProperty("id").GetInt64());
        Assert.True(one.GetProperty("id").GetInt64() >= all[0].GetProperty("id").GetInt64());

        Assert.Empty((await (await Server.Api().Get($"/api/deliveries?webhookId={hook}&state=Failed")).JsonAsync(200)).GetProperty("items").EnumerateArray());
        Assert.Empty((await (await Server.Api().Get($"/api/deliveries?webhookId={hook}&channel=Email")).JsonAsync(200)).GetProperty("items").EnumerateArray());
        Assert.Empty((await (await Server.Api().Get($"/api/deliveries?webhookId={hook}&from=2100-01-01T00:00:00Z")).JsonAsync(200)).GetProperty("items").EnumerateArray());
        Assert.Equal(all.Count, (await (await Server.Api().Get($"/api/deliveries?webhookId={hook}&channel=Webhook&to=2100-01-01T00:00:00Z")).JsonAsync(200)).GetProperty("items").GetArrayLength());

        foreach (var bad in new[] { "state=Lost", "state=1", "channel=Pigeon", "limit=0", "limit=501", "cursor=@@", "from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "webhookId=x" })
        {
            await (await Server.Api().Get($"/api/deliveries?{bad}")).ProblemAsync(400);
        }

        await (await Server.Api().Get("/api/deliveries/987654321")).ProblemAsync(404);
        await (await Server.Api().PostJsonAsync("/api/deliveries/987654321/retry", "")).ProblemAsync(404);
    }

    [Theory]
    [InlineData(ApiRole.Viewer)]
    [InlineData(ApiRole.Operator)]
    public async Task Deliveries_are_for_admins_only(ApiRole role)
    {
        using var client = await Server.ApiAsync(role);
        await (await client.Get("/api/deliveries")).ProblemAsync(403);
        await (await client.Get("/api/deliveries/1")).ProblemAsync(403);
        await (await client.PostJsonAsync("/api/deliveries/1/retry", "")).ProblemAsync(403);
    }

    private async Task<JsonElement> DeliveryWhenAsync(long webhookId, Func<JsonElement, bool> done) =>
        (await ListWhenAsync($"/api/deliveries?webhookId={webhookId}", items => items.Count > 0 && done(items[0])))[0];

    private async Task<List<JsonElement>> ListWhenAsync(string path, Func<List<JsonElement>, bool> done)
    {
        var items = new List<JsonElement>();
        for (var i = 0; i < 300; i++)
        {
            items = [.. (await (await Server.Api().Get(path)).JsonAsync(200)).GetProperty("items").EnumerateArray()];
            if (done(items))
            {
                return items;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"{path} never reached the expected state: {string.Join(", ", items)}");
        return items;
    }
}
