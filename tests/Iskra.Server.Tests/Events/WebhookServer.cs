using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Events;

/// <summary>
/// One SQLite server for the webhook tests, with retries after 50, 100 and then every 200 ms so a test sees every attempt
/// quickly, deliveries that expire after 8 s, and loopback on the allow-list so that the receivers on 127.0.0.1 can be reached.
/// </summary>
public sealed class WebhookServer : IAsyncLifetime
{
    public static readonly Dictionary<string, string?> Settings = new()
    {
        ["Notifications:RetryDelaySeconds:0"] = "0.05",
        ["Notifications:RetryDelaySeconds:1"] = "0.1",
        ["Notifications:RetryDelaySeconds:2"] = "0.2",
        ["Notifications:Expiry"] = "00:00:08",
        ["Webhooks:TimeoutSeconds"] = "120",
        ["Webhooks:AllowedNetworks:0"] = "127.0.0.0/8",
    };

    public IskraServer Server { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Server = await IskraServer.StartAsync(await TestDatabase.CreateAsync("sqlite"), Settings);

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}
