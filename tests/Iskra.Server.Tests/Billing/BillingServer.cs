using Iskra.Server.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Iskra.Server.Tests.Billing;

/// <summary>Iskra on SQLite for the billing runs with simulated stations: running costs every second, the flood guard opened wide.</summary>
public sealed class BillingServer : IAsyncLifetime
{
    public IskraServer Server { get; private set; } = null!;

    /// <summary>Warnings and errors the server logged, for a failing test to show.</summary>
    public CapturedLog Log { get; } = new();

    public async ValueTask InitializeAsync()
    {
        Server = await IskraServer.StartAsync(await TestDatabase.CreateAsync("sqlite"), new Dictionary<string, string?>
        {
            ["Billing:RunningCostInterval"] = "00:00:01",
            ["Ocpp:MaxMessagesPerSecond"] = "100000",
            ["Ocpp:MessageBurst"] = "100000",
        }, b => b.Logging.AddProvider(Log));
    }

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}
