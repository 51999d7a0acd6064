using System.Net;
using System.Security.Cryptography.X509Certificates;
using Iskra.Simulator.Control;
using Iskra.Simulator.Model;
using Iskra.Simulator.Scenarios;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.Cli;

/// <summary>
/// The command line: parse the options (<see cref="CliParser"/>), build the stations in a
/// <see cref="SimulatorHost"/>, print their traffic (or a summary), serve the control API and run the
/// drivers when asked, until Ctrl+C.
/// </summary>
internal static class SimulatorCli
{
    public static async Task<int> RunAsync(string[] args)
    {
        CliOptions options;
        try
        {
            options = CliParser.Parse(args);
        }
        catch (FormatException ex)
        {
            await Console.Error.WriteLineAsync($"{ex.Message}\n\n{CliUsage.Text}").ConfigureAwait(false);
            return 2;
        }

        if (options.Help)
        {
            Console.WriteLine(CliUsage.Text);
            return 0;
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        await using var host = new SimulatorHost();
        var multiple = options.Count > 1;
        host.Added += station => station.Log.Added += entry => Print(options, multiple, station, entry);
        foreach (var stationOptions in Build(options))
        {
            var station = host.Add(stationOptions);
            foreach (var fault in options.Faults)
            {
                station.Faults.Set(fault, true);
            }
        }

        host.StartAll();
        await using var control = options.ControlPort is { } port ? ControlServer.Start(host, port, IPAddress.Parse(options.ControlBind)) : null;
        if (control is not null)
        {
            Console.WriteLine($"Control API on {control.BaseUri} (GET {control.BaseUri}stations).");
        }

        var cards = options.Cards.Count > 0 ? options.Cards : new DriverLoopOptions().Cards;
        var loops = options.Sessions
            ? host.Stations.Select(s => new DriverLoop(s, new DriverLoopOptions { Cards = cards }).RunAsync(stop.Token)).ToList()
            : [];
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(10), stop.Token).ConfigureAwait(false);
                if (options.Quiet)
                {
                    await PrintSummaryAsync(host).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C.
        }

        await Task.WhenAll(loops).ConfigureAwait(false);
        return 0;
    }

    /// <summary>The station options the command line describes (certificates loaded from their files).</summary>
    public static IEnumerable<StationOptions> Build(CliOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var certificate = options.ClientCertificate is { } pfx ? X509CertificateLoader.LoadPkcs12FromFile(pfx, options.ClientCertificatePassword) : null;
        var authority = options.CertificateAuthority is { } ca ? X509CertificateLoader.LoadCertificateFromFile(ca) : null;
        var connector = options.Dc ? ConnectorOptions.Dc50kW : ConnectorOptions.Ac22kW;
        return options.StationIds().Select(id => new StationOptions
        {
            Id = id,
            CsmsUrl = options.Url!,
            Version = options.Version,
            Password = options.Password,
            ClientCertificate = certificate,
            ServerCertificateAuthority = authority,
            Connectors = [.. Enumerable.Repeat(connector, options.Connectors)],
            SerialNumber = "SIM-" + id,
            Configuration = options.MeterInterval is { } seconds
                ? new Dictionary<string, string> { ["MeterValueSampleInterval"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture) }
                : new Dictionary<string, string>(),
        });
    }

    private static void Print(CliOptions options, bool multiple, SimStation station, StationLogEntry entry)
    {
        if (options.Quiet && entry.Kind is "sent" or "received")
        {
            return;
        }

        var who = multiple ? station.Id + " " : string.Empty;
        Console.WriteLine($"{entry.At:HH:mm:ss.fff} {who}{entry.Kind,-8} {entry.Text}");
    }

    private static async Task PrintSummaryAsync(SimulatorHost host)
    {
        foreach (var station in host.Stations)
        {
            var state = await StationState.ReadAsync(station).ConfigureAwait(false);
            var connectors = string.Join("  ", state.Connectors.Select(c =>
                $"#{c.Id} {c.Status}{(c.PowerW > 0 ? $" {c.PowerW / 1000:0.0} kW" : string.Empty)}{(c.Session is { } s ? $" {s.IdTag} {s.EnergyWh / 1000:0.00} kWh" : string.Empty)}"));
            Console.WriteLine($"{DateTime.Now:HH:mm:ss} {state.Id} {(state.Online ? "online" : state.Connected ? "connected" : "offline")} {state.Registration}  {connectors}");
        }
    }
}
