using Iskra.Csms.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Iskra.Csms.Tests.Infrastructure;

/// <summary>
/// The CSMS services as the server composes them (<see cref="CsmsRegistration.AddCsms"/>), over a fresh
/// SQLite file in a temp folder, migrated, with the storage writer running and a fake clock. No mocks.
/// </summary>
public sealed class CsmsHarness : IAsyncDisposable
{
    /// <summary>Where the fake clock starts.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly string _folder;
    private readonly string _connectionString;
    private readonly ServiceProvider _services;

    private CsmsHarness(string folder, string connectionString, ServiceProvider services, FakeTimeProvider time)
    {
        _folder = folder;
        _connectionString = connectionString;
        _services = services;
        Time = time;
    }

    public FakeTimeProvider Time { get; }

    public StorageWriter Writer => Get<StorageWriter>();

    /// <param name="settings">Configuration keys such as <c>Csms:AdmitUnknownStations</c>.</param>
    /// <param name="services">More registrations, e.g. a fake <see cref="Routing.IStationChannels"/> (the server's own is the transport's).</param>
    public static async Task<CsmsHarness> StartAsync(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var folder = Path.Combine(Path.GetTempPath(), "iskra-csms-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = new DatabaseOptions { ConnectionString = $"Data Source={Path.Combine(folder, "iskra.db")}" };
        // A cheap PBKDF2 cost unless a test sets one: the hashing rules are the same at any count.
        var all = new Dictionary<string, string?> { ["Csms:PasswordIterations"] = "1000" };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        var time = new FakeTimeProvider(Start);
        var collection = new ServiceCollection()
            .AddLogging()
            .AddCsms(configuration, database)
            .AddSingleton<TimeProvider>(time); // registered after AddCsms, so it wins over TimeProvider.System
        services?.Invoke(collection);
        var provider = collection.BuildServiceProvider();
        await StorageRegistration.MigrateAsync(provider.GetRequiredService<IDbContextFactory<IskraDbContext>>(), database, NullLogger.Instance, cancellationToken);
        await provider.GetRequiredService<StorageWriter>().StartAsync(cancellationToken);
        return new CsmsHarness(folder, database.ConnectionString, provider, time);
    }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>A new context, so what it reads comes from the file, not from a writer's tracker.</summary>
    public Task<IskraDbContext> DbAsync() =>
        Get<IDbContextFactory<IskraDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);

    /// <summary>Stores rows directly, bypassing the services, as the operator API would have.</summary>
    public async Task SeedAsync(params object[] entities)
    {
        await using var db = await DbAsync();
        db.AddRange(entities);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await Writer.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left to the OS temp cleanup; it must not fail the test.
        }
    }
}
