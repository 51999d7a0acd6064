using System.Globalization;
using Iskra.Simulator.Control;
using Iskra.Simulator.Scenarios;
using Iskra.Simulator.Stations;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Iskra.Server.Demo;

/// <summary>
/// Demo mode: once Kestrel listens, registers <see cref="DemoStation.All"/> and the demo cards, then runs
/// the simulated stations in this process against the server's own OCPP endpoint, with drivers charging
/// on every connector (<see cref="DriverLoop"/>) until the host stops.
/// </summary>
public sealed partial class DemoService(
    IServer server,
    IHostApplicationLifetime lifetime,
    DemoRegistration registration,
    IOptions<DemoOptions> options,
    TimeProvider time,
    ILogger<DemoService> logger) : BackgroundService
{
    private static readonly string Cards = string.Join(", ", DemoStation.Cards);
    private readonly SimulatorHost _host = new(time);

    /// <summary>The running demo stations (for tests and diagnostics).</summary>
    public SimulatorHost Host => _host;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogDemoMode(logger);
        if (!await StartedAsync(stoppingToken).ConfigureAwait(false))
        {
            return;
        }

        var endpoint = OcppEndpoint(server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []);
        if (endpoint is null)
        {
            LogNoAddress(logger);
            return;
        }

        IReadOnlyDictionary<string, string> passwords;
        try
        {
            passwords = await registration.RegisterAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRegistrationFailed(logger, ex); // the server keeps running without the demo
            return;
        }

        var settings = options.Value;
        var meterSeconds = Math.Max(1, settings.MeterValueSeconds).ToString(CultureInfo.InvariantCulture);
        var drivers = new DriverLoopOptions { Cards = DemoStation.Cards, Scale = settings.SessionScale, MaxCharge = TimeSpan.FromMinutes(6) };
        var loops = new List<Task>();
        foreach (var demo in DemoStation.All)
        {
            var station = _host.Add(new StationOptions
            {
                Id = demo.Id,
                Version = demo.Version,
                CsmsUrl = endpoint,
                Password = passwords[demo.Id],
                Connectors = demo.Connectors,
                Model = "Demo",
                SerialNumber = "SIM-" + demo.Id,
                Tick = settings.SessionScale < 1 ? TimeSpan.FromMilliseconds(250) : TimeSpan.FromSeconds(1),
                Configuration = new Dictionary<string, string> { ["MeterValueSampleInterval"] = meterSeconds },
            });
            station.Start();
            loops.Add(new DriverLoop(station, drivers).RunAsync(stoppingToken));
            LogStation(logger, demo.Id, demo.Version == Ocpp.OcppVersion.V201 ? "2.0.1" : "1.6", demo.Description);
        }

        LogCards(logger, Cards, endpoint);
        await Task.WhenAll(loops).ConfigureAwait(false);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await _host.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// The OCPP endpoint of the server's first address, http preferred: <c>http://localhost:8180</c> →
    /// <c>ws://localhost:8180/ocpp</c>; a wildcard host (+, *, 0.0.0.0, [::]) becomes localhost.
    /// </summary>
    public static Uri? OcppEndpoint(IEnumerable<string> addresses)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        var parsed = addresses
            .Select(a => a.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal))
            .Select(a => Uri.TryCreate(a, UriKind.Absolute, out var uri) ? uri : null)
            .OfType<Uri>()
            .OrderBy(u => u.Scheme == Uri.UriSchemeHttp ? 0 : 1)
            .FirstOrDefault();
        if (parsed is null)
        {
            return null;
        }

        var host = parsed.Host is "0.0.0.0" or "[::]" or "::" ? "localhost" : parsed.Host;
        var scheme = parsed.Scheme == Uri.UriSchemeHttps ? "wss" : "ws";
        return new UriBuilder(scheme, host, parsed.Port, "/ocpp").Uri;
    }

    private async Task<bool> StartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        try
        {
            await started.Task.ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo mode: simulated stations run inside this server and write their sessions into its database. Never use this with real stations or real data.")]
    private static partial void LogDemoMode(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo mode: the server has no address to connect the simulated stations to.")]
    private static partial void LogNoAddress(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Demo mode: registering the demo stations and cards failed; no demo stations run.")]
    private static partial void LogRegistrationFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo station {StationId} (OCPP {Version}): {Description}")]
    private static partial void LogStation(ILogger logger, string stationId, string version, string description);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo cards (id tags, Accepted): {Cards}; stations connect to {Endpoint}")]
    private static partial void LogCards(ILogger logger, string cards, Uri endpoint);
}
