using System.Globalization;
using Iskra.Ocpp;

namespace Iskra.LoadBench;

/// <summary>Command-line options: <c>--name value</c> pairs (see <see cref="Usage"/>).</summary>
internal sealed class BenchOptions
{
    public const string Usage = """
        Iskra.LoadBench: open-loop load benchmark of Iskra's station-facing server (the simulator's swarm mode).

          bash bench/loadbench.sh [options]      (raises ulimit -n, builds Release, runs this)
          dotnet run -c Release --project bench/Iskra.LoadBench -- [options]

        Server (default: start src/Iskra.Server/bin/Release/net10.0/Iskra.Server.dll in a child process):
          --db <sqlite|postgres>     database of the started server (default sqlite: a fresh file per run)
          --pg <connection string>   base PostgreSQL connection string (--db postgres); a fresh database
                                     named iskra_bench_<time> is created on it by Iskra's migrations
          --server-dll <path>        Iskra.Server.dll to start
          --port <n>                 port of the started server (default: a free one)
          --url <http://host:port>   use a running server instead (stations <prefix>00001.. must exist and be admitted)
          --pid <n>                  with --url: the server's process id, for RSS/CPU figures

        Load (profiles are defined in docs/benchmarks.md):
          --profiles <list>          comma list of idle,typical,stress,storm,replay (default all, in that order)
          --stations <n>             stations (default 20000)
          --versions <mixed|1.6|2.0.1>  mixed: every other station speaks 2.0.1 (default mixed)
          --prefix <s>               station id prefix (default SWARM)
          --idle <s>                 seconds of the idle profile (default 20)
          --duration <s>             measured seconds of typical and stress (default 30)
          --rate <x>                 typical and stress: each station sends x times as often (default 1);
                                     with --stations it sets the offered rate beyond the file limit
          --warmup <s>               unmeasured seconds before them (default 10)
          --backlog <n>              replay: queued transaction messages per station (default 10)
          --sources <k>              loopback source addresses 127.0.0.2..(k+1) (default 4)
          --connect-concurrency <n>  handshakes in flight for the first connect (default 200)
          --storm-concurrency <n>    handshakes in flight in storm and replay (default 1000)
          --deflate <off|on>         offer permessage-deflate (default off)
          --call-timeout <s>         a call without answer after this is an error (default 30)
          --wait-quiet <s>           before starting, wait up to this long for the machine to be < 25% busy
          --summary <file>           append the summary rows (markdown) to this file
          --note <text>              a label printed in every summary row (e.g. "contended")
        """;

    private static readonly string[] AllProfiles = ["idle", "typical", "stress", "storm", "replay"];

    public string Db { get; private set; } = "sqlite";
    public string? Pg { get; private set; }
    public string? ServerDll { get; private set; }
    public int Port { get; private set; }
    public Uri? Url { get; private set; }
    public int? Pid { get; private set; }
    public IReadOnlyList<string> Profiles { get; private set; } = AllProfiles;
    public int Stations { get; private set; } = 20_000;
    public string Versions { get; private set; } = "mixed";
    public string Prefix { get; private set; } = "SWARM";
    public double Idle { get; private set; } = 20;
    public double Duration { get; private set; } = 30;
    public double Rate { get; private set; } = 1;
    public double Warmup { get; private set; } = 10;
    public int Backlog { get; private set; } = 10;
    public int Sources { get; private set; } = 4;
    public int ConnectConcurrency { get; private set; } = 200;
    public int StormConcurrency { get; private set; } = 1000;
    public bool Deflate { get; private set; }
    public double CallTimeout { get; private set; } = 30;
    public double WaitQuiet { get; private set; }
    public string? Summary { get; private set; }
    public string Note { get; private set; } = "";

    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value");
            int Int() => int.Parse(Next(), CultureInfo.InvariantCulture);
            double Num() => double.Parse(Next(), CultureInfo.InvariantCulture);
            switch (name)
            {
                case "--db": o.Db = Next(); break;
                case "--pg": o.Pg = Next(); break;
                case "--server-dll": o.ServerDll = Next(); break;
                case "--port": o.Port = Int(); break;
                case "--url": o.Url = new Uri(Next()); break;
                case "--pid": o.Pid = Int(); break;
                case "--profiles": o.Profiles = Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries); break;
                case "--stations": o.Stations = Int(); break;
                case "--versions": o.Versions = Next(); break;
                case "--prefix": o.Prefix = Next(); break;
                case "--idle": o.Idle = Num(); break;
                case "--duration": o.Duration = Num(); break;
                case "--rate": o.Rate = Num(); break;
                case "--warmup": o.Warmup = Num(); break;
                case "--backlog": o.Backlog = Int(); break;
                case "--sources": o.Sources = Int(); break;
                case "--connect-concurrency": o.ConnectConcurrency = Int(); break;
                case "--storm-concurrency": o.StormConcurrency = Int(); break;
                case "--deflate": o.Deflate = Next() == "on"; break;
                case "--call-timeout": o.CallTimeout = Num(); break;
                case "--wait-quiet": o.WaitQuiet = Num(); break;
                case "--summary": o.Summary = Next(); break;
                case "--note": o.Note = Next(); break;
                default: throw new ArgumentException($"unknown option {name}");
            }
        }

        if (o.Profiles.Any(p => !AllProfiles.Contains(p)))
        {
            throw new ArgumentException("--profiles takes idle, typical, stress, storm, replay");
        }

        if (o.Db is not ("sqlite" or "postgres") || (o.Db == "postgres" && o.Pg is null && o.Url is null))
        {
            throw new ArgumentException("--db must be sqlite or postgres (postgres needs --pg)");
        }

        if (o.Versions is not ("mixed" or "1.6" or "2.0.1"))
        {
            throw new ArgumentException("--versions must be mixed, 1.6 or 2.0.1");
        }

        if (o.Stations is < 1 or > 99_999 || o.Duration is <= 0 or > 3600 || o.Rate is <= 0 or > 100 || o.Warmup is < 0 or > 600 || o.Idle is < 0 or > 3600
            || o.Sources is < 0 or > 250 || o.ConnectConcurrency is < 1 or > 20_000 || o.StormConcurrency is < 1 or > 20_000
            || o.Backlog is < 2 or > 1000 || o.CallTimeout is <= 0 or > 300 || o.WaitQuiet is < 0 or > 3600)
        {
            throw new ArgumentException("an option is out of range (stations 1..99999, duration <= 3600 s, rate 0..100, backlog 2..1000, ...)");
        }

        return o;
    }

    public string StationId(int index) => string.Create(CultureInfo.InvariantCulture, $"{Prefix}{index + 1:D5}");

    public OcppVersion VersionOf(int index) => Versions switch
    {
        "1.6" => OcppVersion.V16,
        "2.0.1" => OcppVersion.V201,
        _ => index % 2 == 0 ? OcppVersion.V16 : OcppVersion.V201,
    };
}
