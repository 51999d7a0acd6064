using Iskra.Ocpp;

namespace Iskra.Server.Tests.Infrastructure;

/// <summary>One server (on the subclass's database) for a test class whose rows each use their own station, with the flood guard and frame limit opened wide.</summary>
public abstract class SharedServer(string provider) : IAsyncLifetime
{
    private int _stations;

    public IskraServer Server { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Server = await IskraServer.StartAsync(await TestDatabase.CreateAsync(provider), new Dictionary<string, string?>
        {
            ["Ocpp:MaxMessagesPerSecond"] = "100000",
            ["Ocpp:MessageBurst"] = "100000",
            ["Ocpp:MaxFrameBytes"] = "4194304", // maxItems mutations build arrays far over 64 KiB
            ["Webhooks:AllowedNetworks:0"] = "127.0.0.0/8", // the tests' webhook receivers listen on 127.0.0.1
        });
    }

    /// <summary>A newly registered, accepted station connected over <paramref name="version"/>.</summary>
    public async Task<TestStation> NewStationAsync(OcppVersion version)
    {
        var id = "S" + Interlocked.Increment(ref _stations);
        await Server.StationAsync(id);
        return await TestStation.ConnectAsync(Server, id, version, Seed.Password);
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>A <see cref="SharedServer"/> on SQLite.</summary>
public sealed class SharedSqliteServer() : SharedServer("sqlite");

/// <summary>A <see cref="SharedServer"/> on PostgreSQL.</summary>
public sealed class SharedPostgresServer() : SharedServer("postgres");
