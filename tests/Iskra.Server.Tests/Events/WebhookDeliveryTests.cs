using System.Text.Json;
using Iskra.Csms.Access;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Events;

/// <summary>Outgoing webhooks against real HTTP receivers: signed, filtered, retried, and isolated from each other.</summary>
public sealed class WebhookDeliveryTests(WebhookServer shared) : IClassFixture<WebhookServer>
{
    private IskraServer Server => shared.Server;

    [Fact]
    public async Task Events_are_delivered_signed_and_only_of_the_chosen_station_and_types()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await Server.CreateWebhookAsync($$"""{"url":"{{receiver.Url}}","events":["station.connected","station.status"],"stationId":"wh-signed","secret":"s3cret"}""");

        await using (await RespondingStation.StartAsync(Server, "wh-unwatched", OcppVersion.V16))
        {
        }

        await using var station = await RespondingStation.StartAsync(Server, "wh-signed", OcppVersion.V16);
        await station.CallAsync("StatusNotification", """{"connectorId":1,"errorCode":"NoError","status":"Available"}""");

        var connected = await receiver.NextAsync();
        Assert.True(connected.SignedWith("s3cret"));
        Assert.False(connected.SignedWith("another secret"));
        Assert.True(connected.SignedWithTimestamp("s3cret"));
        Assert.False(connected.SignedWithTimestamp("another secret"));
        Assert.Equal(("/hook", "station.connected"), (connected.Path, connected.EventType));
        Assert.Equal("application/json", connected.Headers["Content-Type"].Split(';')[0]);
        var body = connected.Json;
        Assert.Equal(("station.connected", "wh-signed", "1.6"), (body.GetProperty("type").GetString(), body.GetProperty("stationId").GetString(), body.GetProperty("data").GetProperty("ocppVersion").GetString()));
        Assert.Equal(JsonValueKind.String, body.GetProperty("timestamp").ValueKind);

        var status = await receiver.NextAsync(); // not the unwatched station's events, nor its own unsubscribed types
        Assert.Equal(("station.status", "Available"), (status.EventType, status.Json.GetProperty("data").GetProperty("status").GetString()));
        Assert.True(status.SignedWith("s3cret"));
        Assert.True(long.Parse(status.Headers["X-Iskra-Event-Id"], System.Globalization.CultureInfo.InvariantCulture) > long.Parse(connected.Headers["X-Iskra-Event-Id"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_receiver_that_fails_twice_gets_the_event_on_the_third_attempt()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 2);
        var hook = await Server.CreateWebhookAsync($$"""{"url":"{{receiver.Url}}","events":["station.connected"],"stationId":"wh-retry"}""");
        await using var station = await RespondingStation.StartAsync(Server, "wh-retry", OcppVersion.V201);

        var first = await receiver.NextAsync();
        var second = await receiver.NextAsync();
        var third = await receiver.NextAsync();
        Assert.Equal((true, true, false), (first.FailedOnPurpose, second.FailedOnPurpose, third.FailedOnPurpose));
        Assert.Equal(first.Body, third.Body);
        Assert.Equal(first.Headers["X-Iskra-Event-Id"], third.Headers["X-Iskra-Event-Id"]);
        Assert.False(third.Headers.ContainsKey("X-Iskra-Signature")); // no secret, no signature
        Assert.False(third.Headers.ContainsKey("X-Iskra-Signature-V2"));

        var view = await Server.WebhookWhenAsync(hook.GetProperty("id").GetInt64(), v => v.GetProperty("lastSuccessAt").ValueKind == JsonValueKind.String);
        Assert.Equal(0, view.GetProperty("failures").GetInt64());
        Assert.Equal("attempt 2: HTTP 500", view.GetProperty("lastError").GetString());
        Assert.Equal(first.Headers["X-Iskra-Delivery-Id"], third.Headers["X-Iskra-Delivery-Id"]);
    }

    [Fact]
    public async Task A_receiver_that_always_fails_is_counted_as_a_failure_when_the_delivery_expires()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: int.MaxValue);
        var hook = await Server.CreateWebhookAsync($$"""{"url":"{{receiver.Url}}","events":["station.connected"],"stationId":"wh-fail"}""");
        await using var station = await RespondingStation.StartAsync(Server, "wh-fail", OcppVersion.V16);

        var view = await Server.WebhookWhenAsync(hook.GetProperty("id").GetInt64(), v => v.GetProperty("failures").GetInt64() == 1);
        Assert.Equal(JsonValueKind.Null, view.GetProperty("lastSuccessAt").ValueKind);
        Assert.Matches("^attempt [0-9]+: HTTP 500$", view.GetProperty("lastError").GetString()); // a category, never the receiver's own words
        Assert.Equal(JsonValueKind.String, view.GetProperty("lastFailureAt").ValueKind);
        for (var i = 0; i < 4; i++)
        {
            Assert.True((await receiver.NextAsync()).FailedOnPurpose);
        }
    }

    [Fact]
    public async Task A_dead_receiver_delays_neither_the_event_stream_nor_other_webhooks()
    {
        await using var dead = await WebhookReceiver.StartAsync(hang: true);
        await using var alive = await WebhookReceiver.StartAsync();
        await Server.CreateWebhookAsync($$"""{"url":"{{dead.Url}}","stationId":"wh-dead"}""");
        await Server.CreateWebhookAsync($$"""{"url":"{{alive.Url}}","stationId":"wh-dead"}""");
        await using var events = await SseClient.OpenAsync(Server, "wh-dead");

        await using var station = await RespondingStation.StartAsync(Server, "wh-dead", OcppVersion.V16);
        for (var i = 0; i < 3; i++)
        {
            await station.CallAsync("StatusNotification", $$"""{"connectorId":{{i + 1}},"errorCode":"NoError","status":"Available"}""");
        }

        Assert.Equal("station.connected", (await alive.NextAsync()).EventType);
        Assert.Equal("station.connected", (await events.NextAsync()).Type);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(i + 1, (await alive.NextAsync()).Json.GetProperty("data").GetProperty("connectorId").GetInt32());
            Assert.Equal(i + 1, (await events.NextAsync()).Data.GetProperty("connectorId").GetInt32());
        }

        // All four events went through while the dead receiver still holds the first one.
        for (var i = 0; i < 300 && dead.Arrivals == 0; i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Equal(1, dead.Arrivals);
    }

    [Fact]
    public async Task A_closed_port_is_reported_only_as_connection_failed()
    {
        int port;
        using (var closed = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            closed.Start();
            port = ((System.Net.IPEndPoint)closed.LocalEndpoint).Port;
        }

        var hook = await Server.CreateWebhookAsync($$"""{"url":"http://127.0.0.1:{{port}}/hook","events":["station.connected"],"stationId":"wh-closed"}""");
        await using var station = await RespondingStation.StartAsync(Server, "wh-closed", OcppVersion.V16);

        var view = await Server.WebhookWhenAsync(hook.GetProperty("id").GetInt64(), v => v.GetProperty("failures").GetInt64() == 1);
        Assert.Matches("^attempt [0-9]+: connection failed$", view.GetProperty("lastError").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"events":["station.connected"]}""")]
    [InlineData("""{"url":"/relative/path"}""")]
    [InlineData("""{"url":"ftp://example.com/hook"}""")]
    [InlineData("""{"url":"http://"}""")]
    [InlineData("""{"url":42}""")]
    [InlineData("""{"url":"http://127.0.0.1:9/hook","events":["station.exploded"]}""")]
    [InlineData("""{"url":"http://127.0.0.1:9/hook","events":"station.connected"}""")]
    [InlineData("""{"url":"http://127.0.0.1:9/hook","stationId":"0123456789012345678901234567890123456789012345678"}""")]
    public async Task Bad_webhook_bodies_get_400(string body)
    {
        var problem = await (await Server.Api().PostJsonAsync("/api/webhooks", body)).ProblemAsync(400);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task A_secret_over_200_characters_gets_400_and_is_never_shown()
    {
        await (await Server.Api().PostJsonAsync("/api/webhooks", $$"""{"url":"http://127.0.0.1:9/hook","secret":"{{new string('x', 201)}}"}""")).ProblemAsync(400);
        var hook = await Server.CreateWebhookAsync("""{"url":"http://127.0.0.1:9/hook","stationId":"wh-nobody","secret":"hidden-value"}""");
        Assert.True(hook.GetProperty("hasSecret").GetBoolean());
        Assert.DoesNotContain("hidden-value", hook.GetRawText(), StringComparison.Ordinal);
        var list = await (await Server.Api().Get("/api/webhooks")).JsonAsync(200);
        Assert.DoesNotContain("hidden-value", list.GetRawText(), StringComparison.Ordinal);
        await (await Server.Api().DeleteAsync(new Uri($"/api/webhooks/{hook.GetProperty("id").GetInt64()}", UriKind.Relative), TestContext.Current.CancellationToken)).JsonAsync(204);
    }

    [Theory]
    [InlineData(ApiRole.Viewer)]
    [InlineData(ApiRole.Operator)]
    public async Task Webhooks_are_for_admins_only(ApiRole role)
    {
        using var client = await Server.ApiAsync(role);
        await (await client.Get("/api/webhooks")).ProblemAsync(403);
        await (await client.PostJsonAsync("/api/webhooks", """{"url":"http://127.0.0.1:9/hook"}""")).ProblemAsync(403);
        await (await client.Delete("/api/webhooks/1")).ProblemAsync(403);
        await (await Server.Api(null).Get("/api/webhooks")).ProblemAsync(401);
    }
}
