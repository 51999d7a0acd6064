namespace Iskra.LabClient;

/// <summary>The command line of <c>iskra-lab</c>.</summary>
public sealed record LabOptions(Uri Server, string ApiKey, string StationId)
{
    public const string Usage = """
        usage: iskra-lab --server URL --key API_KEY --station ID [options]
          --server URL        Iskra's base URL, e.g. http://127.0.0.1:8180
          --key KEY           an operator API key (or ISKRA_API_KEY in the environment)
          --station ID        the connected station to test
          --suite NAME        ocpp1.6 (default: the station's OCPP version)
          --declared FILE     the model's declaration as JSON (feature profiles, connectors, ...; docs/lab.md)
          --simulator URL     a simulator's control API on loopback: it performs the manual steps
          --case ID           run only this case (repeatable)
          --junit FILE        write the JUnit XML report here
          --html FILE         write the HTML report here
        exit code: 0 ready for integration, 1 not ready (or the run did not finish), 2 usage or connection error
        """;

    public string? Suite { get; init; }

    public string? DeclaredFile { get; init; }

    public string? Simulator { get; init; }

    public IReadOnlyList<string> Cases { get; init; } = [];

    public string? JUnitFile { get; init; }

    public string? HtmlFile { get; init; }

    /// <summary>Parses <paramref name="args"/>; the error says what is wrong.</summary>
    public static (LabOptions? Options, string? Error) Parse(IReadOnlyList<string> args, string? environmentKey)
    {
        ArgumentNullException.ThrowIfNull(args);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var cases = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is not ("--server" or "--key" or "--station" or "--suite" or "--declared" or "--simulator" or "--case" or "--junit" or "--html"))
            {
                return (null, $"unknown option '{name}'");
            }

            if (i + 1 >= args.Count)
            {
                return (null, $"{name} needs a value");
            }

            if (name == "--case")
            {
                cases.Add(args[++i]);
            }
            else
            {
                values[name] = args[++i];
            }
        }

        if (!values.TryGetValue("--server", out var server) || !Uri.TryCreate(server, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return (null, "--server must be Iskra's http(s) base URL");
        }

        var key = values.GetValueOrDefault("--key") ?? environmentKey;
        if (string.IsNullOrEmpty(key))
        {
            return (null, "--key (or ISKRA_API_KEY) is required");
        }

        if (!values.TryGetValue("--station", out var station))
        {
            return (null, "--station is required");
        }

        return (new LabOptions(uri, key, station)
        {
            Suite = values.GetValueOrDefault("--suite"),
            DeclaredFile = values.GetValueOrDefault("--declared"),
            Simulator = values.GetValueOrDefault("--simulator"),
            Cases = cases,
            JUnitFile = values.GetValueOrDefault("--junit"),
            HtmlFile = values.GetValueOrDefault("--html"),
        }, null);
    }
}
