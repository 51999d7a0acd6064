using System.Globalization;
using Iskra.Ocpp;
using Iskra.Simulator.Control;

namespace Iskra.Simulator.Cli;

/// <summary>Reads the command line into <see cref="CliOptions"/>; a mistake throws <see cref="FormatException"/> naming it.</summary>
internal static class CliParser
{
    public static CliOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new CliOptions();
        List<Faults.StationFault> faults = [];
        List<string> cards = [];
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal)
                ? args[++i]
                : throw new FormatException($"{name} needs a value.");
            options = name switch
            {
                "--help" or "-h" or "-?" => options with { Help = true },
                "--url" => options with { Url = ParseUrl(Value()) },
                "--id" => options with { Id = Value() },
                "--version" => options with { Version = ParseVersion(Value()) },
                "--password" => options with { Password = Value() },
                "--count" => options with { Count = ParseInt(name, Value(), 1, 10_000) },
                "--connectors" => options with { Connectors = ParseInt(name, Value(), 1, 10) },
                "--dc" => options with { Dc = true },
                "--meter-interval" => options with { MeterInterval = ParseInt(name, Value(), 1, 86_400) },
                "--fault" => Add(options, faults, ParseFault(Value())),
                "--control-port" => options with { ControlPort = ParseInt(name, Value(), 0, 65_535) },
                "--control-bind" => options with { ControlBind = ParseAddress(Value()) },
                "--sessions" => options with { Sessions = true },
                "--card" => Add(options, cards, Value()),
                "--client-cert" => options with { ClientCertificate = Value() },
                "--client-cert-password" => options with { ClientCertificatePassword = Value() },
                "--ca" => options with { CertificateAuthority = Value() },
                "--quiet" or "-q" => options with { Quiet = true },
                _ => throw new FormatException($"Unknown option '{name}'."),
            };
        }

        options = options with { Faults = faults, Cards = cards };
        if (options.Help)
        {
            return options;
        }

        if (options.Url is null || string.IsNullOrEmpty(options.Id))
        {
            throw new FormatException("--url and --id are required.");
        }

        if (options.ClientCertificatePassword is not null && options.ClientCertificate is null)
        {
            throw new FormatException("--client-cert-password needs --client-cert.");
        }

        return options;
    }

    private static CliOptions Add<T>(CliOptions options, List<T> list, T item)
    {
        list.Add(item);
        return options;
    }

    private static Uri ParseUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "ws" or "wss"
            ? uri
            : throw new FormatException($"--url must be a ws:// or wss:// address, not '{text}'.");

    private static string ParseAddress(string text) =>
        System.Net.IPAddress.TryParse(text, out _) ? text : throw new FormatException($"--control-bind must be an IP address, not '{text}'.");

    private static OcppVersion ParseVersion(string text) => text switch
    {
        "1.6" or "16" or "ocpp1.6" => OcppVersion.V16,
        "2.0.1" or "201" or "ocpp2.0.1" => OcppVersion.V201,
        _ => throw new FormatException($"--version must be 1.6 or 2.0.1, not '{text}'."),
    };

    private static int ParseInt(string name, string text, int min, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new FormatException($"{name} must be a number from {min} to {max}, not '{text}'.");

    private static Faults.StationFault ParseFault(string text) =>
        FaultCatalog.TryParse(text, out var fault)
            ? fault
            : throw new FormatException($"No fault '{text}'. Faults: {string.Join(", ", FaultCatalog.All.Select(f => f.Name))}.");
}
