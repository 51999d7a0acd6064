using Iskra.Ocpp;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.Cli;

/// <summary>The command line: <c>iskra-sim --url ws://localhost:8180/ocpp --id CP-1 [--version 2.0.1] [--password ...]</c>.</summary>
internal static class SimulatorCli
{
    public static async Task<int> RunAsync(string[] args)
    {
        string? url = null, id = null, password = null;
        var version = OcppVersion.V16;
        for (var i = 0; i < args.Length - 1; i += 2)
        {
            switch (args[i])
            {
                case "--url":
                    url = args[i + 1];
                    break;
                case "--id":
                    id = args[i + 1];
                    break;
                case "--password":
                    password = args[i + 1];
                    break;
                case "--version":
                    version = args[i + 1] == "2.0.1" ? OcppVersion.V201 : OcppVersion.V16;
                    break;
                default:
                    break;
            }
        }

        if (url is null || id is null)
        {
            await Console.Error.WriteLineAsync("usage: --url <ws://host:port/ocpp> --id <stationId> [--version 1.6|2.0.1] [--password <password>]").ConfigureAwait(false);
            return 2;
        }

        await using var station = new SimStation(new StationOptions { Id = id, CsmsUrl = new Uri(url), Password = password, Version = version });
        station.Log.Added += entry => Console.WriteLine($"{entry.At:HH:mm:ss.fff} {entry.Kind,-8} {entry.Text}");
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        station.Start();
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C.
        }

        return 0;
    }
}
