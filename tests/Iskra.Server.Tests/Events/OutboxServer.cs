using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Events;

/// <summary>A SQLite server whose outbox keeps at most 2 pending messages per destination, for the outbox's own rules.</summary>
public sealed class OutboxServer : IAsyncLifetime
{
    public IskraServer Server { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Server = await IskraServer.StartAsync(await TestDatabase.CreateAsync("sqlite"), new Dictionary<string, string?>
    {
        ["Notifications:MaxPendingPerDestination"] = "2",
    });

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}
