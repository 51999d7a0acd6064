using System.Net;
using System.Net.Sockets;
using Iskra.Csms.Notifications;
using Iskra.Csms.Webhooks;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Server.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace Iskra.Server.Tests.Events;

/// <summary>
/// Webhooks cannot reach the server's own network unless allowed: refused at registration for literal
/// addresses, and at connect time on the address actually resolved. Nothing here sends a byte beyond
/// 127.0.0.1: refused literal addresses are judged without any socket, and the connect-time case uses
/// "localhost" with a listener of the test's own that must see no connection.
/// </summary>
public sealed class WebhookDestinationTests(GuardedWebhookServer shared) : IClassFixture<GuardedWebhookServer>
{
    private IskraServer Server => shared.Server;

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("10.0.0.1")]
    [InlineData("172.16.5.4")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("255.255.255.255")]
    [InlineData("224.0.0.1")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fd00::1")]
    [InlineData("fc00::5")]
    [InlineData("fe80::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("ff02::1")]
    public void Loopback_link_local_private_and_special_addresses_are_refused(string address) =>
        Assert.False(new WebhookDestinations(null).Allows(IPAddress.Parse(address)));

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("192.169.0.1")]
    [InlineData("2001:4860:4860::8888")]
    [InlineData("::ffff:8.8.8.8")]
    public void Public_addresses_are_allowed(string address) =>
        Assert.True(new WebhookDestinations(null).Allows(IPAddress.Parse(address)));

    [Fact]
    public void The_allow_list_opens_exactly_the_networks_it_names()
    {
        var destinations = new WebhookDestinations(["127.0.0.0/8", "10.1.2.3"]);
        Assert.True(destinations.Allows(IPAddress.Parse("127.0.0.1")));
        Assert.True(destinations.Allows(IPAddress.Parse("::ffff:127.0.0.1")));
        Assert.True(destinations.Allows(IPAddress.Parse("10.1.2.3")));
        Assert.False(destinations.Allows(IPAddress.Parse("10.1.2.4")));
        Assert.False(destinations.Allows(IPAddress.Parse("::1")));
        Assert.False(destinations.Allows(IPAddress.Parse("169.254.169.254")));
        Assert.Throws<InvalidOperationException>(() => new WebhookDestinations(["not a network"]));
    }

    [Fact]
    public async Task Registering_a_refused_literal_address_is_400_and_nothing_is_connected_to()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        string[] urls =
        [
            "http://10.0.0.1/hook", "http://169.254.169.254/latest/meta-data/", "http://[fd00::1]/hook", "http://192.168.0.10:8080/x",
            $"http://127.0.0.1:{port}/hook", $"http://[::ffff:127.0.0.1]:{port}/hook", $"http://[::1]:{port}/hook", $"http://localhost:{port}/hook",
        ];

        foreach (var url in urls)
        {
            var problem = await (await Server.Api().PostJsonAsync("/api/webhooks", $$"""{"url":"{{url}}"}""")).ProblemAsync(400);
            Assert.StartsWith("refused destination", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.False(listener.Pending());
        var list = await (await Server.Api().Get("/api/webhooks")).JsonAsync(200);
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), w => urls.Contains(w.GetProperty("url").GetString()));
    }

    [Fact]
    public async Task A_host_name_resolving_to_loopback_is_refused_at_connect_time_and_reported_as_a_refused_destination()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var url = new Uri($"http://localhost:{((IPEndPoint)listener.LocalEndpoint).Port}/hook");
        // As if stored before this check existed (or by another path): the sender must refuse on its own.
        var hook = new Webhook { Url = url.ToString(), Events = "", CreatedAt = DateTimeOffset.UtcNow };
        await Server.SeedAsync(db => db.Webhooks.Add(hook));
        var message = new OutboxMessage { DeliveryId = Outbox.NewDeliveryId(), Channel = DeliveryChannels.Webhook, WebhookId = hook.Id, EventType = "station.connected", Body = "{}" };

        var result = await Server.Services.GetRequiredService<WebhookChannel>().SendAsync(message, TestContext.Current.CancellationToken);

        Assert.Equal((false, "refused destination"), (result.Delivered, result.Outcome));
        Assert.False(listener.Pending());
        var view = await (await Server.Api().Get($"/api/webhooks/{hook.Id}")).JsonAsync(200);
        Assert.Equal("attempt 1: refused destination", view.GetProperty("lastError").GetString());
    }
}
