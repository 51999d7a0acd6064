using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Events;

/// <summary>A SQLite server with the webhook defaults (no allow-list: loopback refused) and quick retries.</summary>
public sealed class GuardedWebhookServer : IAsyncLifetime
{
    public IskraServer Server { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Server = await IskraServer.StartAsync(await TestDatabase.CreateAsync("sqlite"), new Dictionary<string, string?>
    {
        ["Notifications:RetryDelaySeconds:0"] = "0.05",
        ["Notifications:Expiry"] = "00:00:02",
    });

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}
