using Iskra.Csms;
using Iskra.Csms.Access;
using Iskra.Csms.Stations;
using Iskra.Csms.Storage;
using Iskra.Server.Api;
using Iskra.Server.Auth;
using Iskra.Server.Demo;
using Iskra.Server.Health;
using Iskra.Server.Transport;
using Iskra.Server.Webhooks;
using Iskra.TestLab;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Options;

namespace Iskra.Server;

/// <summary>
/// The composition root: configuration, the CSMS, the OCPP endpoint, and the start-up steps
/// (migrate, seed). <c>Program</c> runs it; tests start it on 127.0.0.1:0.
/// </summary>
public static partial class IskraHost
{
    public const string DefaultUrl = "http://localhost:8180";

    /// <summary>
    /// Settings are read at start. Reload-on-change is off unless asked for (a later
    /// <c>--hostBuilder:reloadConfigOnChange=true</c> or <c>DOTNET_hostBuilder__reloadConfigOnChange</c>): its
    /// watcher covers the whole content root, where the SQLite files live, and would wake on every commit.
    /// </summary>
    private static string ReloadOnChange =>
        "--hostBuilder:reloadConfigOnChange=" + (Environment.GetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange") ?? "false");

    /// <summary>
    /// Settings that hold wherever the server runs from, beneath appsettings.json, the environment and the
    /// command line: without them a server started from another folder (no appsettings.json read) logs every
    /// request line at Information, and with it the tokens in station file URLs (docs/files.md).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string?> CodeDefaults = new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
    };

    /// <summary>Builds the app. Flags: <c>--dev</c> admits unknown stations as Pending; <c>--demo</c> runs simulated stations inside (Demo:Enabled).</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var dev = args.Contains("--dev");
        var demo = args.Contains("--demo");
        var builder = WebApplication.CreateBuilder([ReloadOnChange, .. args.Where(a => a is not ("--dev" or "--demo"))]);
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = CodeDefaults });
        builder.Configuration.AddEnvironmentVariables("ISKRA_");
        if (dev)
        {
            builder.Configuration["Csms:AdmitUnknownStations"] = "true";
        }

        if (demo)
        {
            builder.Configuration["Demo:Enabled"] = "true";
        }

        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        configure?.Invoke(builder);
        var database = new DatabaseOptions
        {
            ConnectionString = builder.Configuration["DATABASE"]
                ?? builder.Configuration.GetConnectionString("Iskra")
                ?? DatabaseOptions.DefaultSqlite,
        };
        builder.Services.AddCsms(builder.Configuration, database);
        builder.Services.Configure<SeedOptions>(builder.Configuration.GetSection("Seed"));
        builder.Services.AddOcppTransport(builder.Configuration);
        builder.Services.AddSingleton<CatalogReadmission>(); // the catalog (Csms) meets the live sessions (transport)
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CatalogReadmission>());
        builder.Services.AddIskraApi();
        builder.Services.AddTestLab(builder.Configuration);
        builder.Services.AddIskraWebhooks();
        builder.Services.AddOptions<HealthOptions>().BindConfiguration("Health");
        builder.Services.AddIskraDemo(builder.Configuration);
        // A background job that fails is logged and retried by its own loop (Csms/Jobs); it never stops the server.
        builder.Services.Configure<HostOptions>(o => o.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.Ignore);

        var app = builder.Build();
        app.MapOcpp();
        app.MapIskraApi();
        HealthApi.Map(app);
        return app;
    }

    /// <summary>Migrates the database and seeds it; call before <c>RunAsync</c>/<c>StartAsync</c>.</summary>
    public static async Task PrepareAsync(WebApplication app, CancellationToken cancellationToken = default)
    {
        var services = app.Services;
        var contexts = services.GetRequiredService<IDbContextFactory<IskraDbContext>>();
        await StorageRegistration.MigrateAsync(contexts, services.GetRequiredService<DatabaseOptions>(), app.Logger, cancellationToken).ConfigureAwait(false);
        OwnerOnly.SecureFolder(services.GetRequiredService<Iskra.Csms.Files.FileStore>().Root, app.Logger);
        await Seeder.SeedAsync(contexts, services.GetRequiredService<IOptions<SeedOptions>>().Value, services.GetRequiredService<StationPasswordHasher>(), services.GetRequiredService<TimeProvider>(), cancellationToken).ConfigureAwait(false);
        await ApiKeyBootstrap.RunAsync(services.GetRequiredService<ApiKeyService>(), app.Configuration, app.Logger, cancellationToken).ConfigureAwait(false);
        if (services.GetRequiredService<IOptions<CsmsOptions>>().Value.AdmitUnknownStations)
        {
            LogDevMode(app.Logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Development mode: unknown stations are admitted as Pending without credentials. Never use this on a network.")]
    private static partial void LogDevMode(ILogger logger);
}
