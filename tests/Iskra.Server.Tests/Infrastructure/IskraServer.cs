using Iskra.Csms.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Iskra.Server.Tests.Infrastructure;

/// <summary>The real Iskra host on 127.0.0.1 with an OS-chosen port, on a <see cref="TestDatabase"/>.</summary>
public sealed class IskraServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private IskraServer(WebApplication app, TestDatabase database, Uri baseUri)
    {
        _app = app;
        Database = database;
        BaseUri = baseUri;
    }

    public TestDatabase Database { get; }

    public Uri BaseUri { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Every address the host listens on, one per Kestrel endpoint (http and https when both are configured).</summary>
    public IReadOnlyList<Uri> Addresses => [.. Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a))];

    /// <summary>Starts a host on <paramref name="database"/>; <paramref name="configure"/> runs last (e.g. to capture the log).</summary>
    public static async Task<IskraServer> StartAsync(TestDatabase database, IDictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null)
    {
        var app = IskraHost.Build(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Configuration["DATABASE"] = database.ConnectionString;
            builder.Configuration["API_KEY"] = ApiClient.AdminKey;
            builder.Configuration["Csms:PasswordIterations"] = Seed.Iterations.ToString(System.Globalization.CultureInfo.InvariantCulture);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                builder.Configuration[key] = value;
            }

            configure?.Invoke(builder);
        });
        await IskraHost.PrepareAsync(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new IskraServer(app, database, new Uri(address));
    }

    public Uri OcppUri(string stationId) => new($"ws://{BaseUri.Authority}/ocpp/{Uri.EscapeDataString(stationId)}");

    /// <summary>Writes the refused handshakes counted so far (they are stored once a second otherwise).</summary>
    public Task FlushRefusalsAsync() => Services.GetRequiredService<Iskra.Csms.Stations.ConnectionAttemptLog>().FlushAsync(CancellationToken.None);

    public IskraDbContext CreateDbContext() => Services.GetRequiredService<IDbContextFactory<IskraDbContext>>().CreateDbContext();

    /// <summary>Runs <paramref name="seed"/> against the database directly (what the operator API will do).</summary>
    public async Task SeedAsync(Action<IskraDbContext> seed)
    {
        await using var db = CreateDbContext();
        seed(db);
        await db.SaveChangesAsync();
    }

    public async Task StopAsync() => await _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
