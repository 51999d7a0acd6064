using System.Globalization;

namespace Iskra.Bench;

/// <summary>Command-line options: <c>--name value</c> pairs (see <see cref="Usage"/>).</summary>
internal sealed class BenchOptions
{
    public const string Usage = """
        Iskra.Bench: load generator for Iskra's station-facing server (OCPP 1.6 over WebSocket).

          dotnet run -c Release --project bench/Iskra.Bench -- --scenario <throughput|idle-memory> [options]

        Server (default: start src/Iskra.Server/bin/Release/net10.0/Iskra.Server.dll in a child process):
          --db <sqlite|postgres>     database of the started server (default sqlite: a fresh file per run)
          --pg <connection string>   base PostgreSQL connection string (--db postgres); a fresh database
                                     named iskra_bench_<time> is created on it by Iskra's migrations
          --server-dll <path>        Iskra.Server.dll to start
          --port <n>                 port of the started server (default: a free one)
          --keep-rate-limit          keep Ocpp:MaxMessagesPerSecond (50/station); by default the bench lifts it
          --url <http://host:port>   use a running server instead (stations <prefix>00001.. must exist and be admitted)
          --pid <n>                  with --url: the server's process id, for RSS/CPU figures

        Load:
          --stations <n>             stations (default 200 for throughput, 2000 for idle-memory)
          --prefix <s>               station id prefix (default BENCH)
          --duration <s>             measured seconds (throughput, default 30)
          --warmup <s>               unmeasured seconds before it (throughput, default 5)
          --deflate <off|on|both>    offer permessage-deflate (default off for throughput, both for idle-memory)
          --sources <k>              spread connections over loopback sources 127.0.0.2..127.0.0.(k+1) (default 0: no bind)
          --connect-concurrency <n>  handshakes in flight while connecting (default 32)
          --settle <s>               idle-memory: seconds to wait after all are connected (default 20)
          --call-timeout <s>         a call without answer after this is an error (default 30)
          --wait-quiet <s>           before measuring, wait up to this long for the machine to be < 25% busy
        """;

    public string Scenario { get; private set; } = "";
    public string Db { get; private set; } = "sqlite";
    public string? Pg { get; private set; }
    public string? ServerDll { get; private set; }
    public int Port { get; private set; }
    public bool KeepRateLimit { get; private set; }
    public Uri? Url { get; private set; }
    public int? Pid { get; private set; }
    public int Stations { get; private set; }
    public string Prefix { get; private set; } = "BENCH";
    public double Duration { get; private set; } = 30;
    public double Warmup { get; private set; } = 5;
    public string Deflate { get; private set; } = "";
    public int Sources { get; private set; }
    public int ConnectConcurrency { get; private set; } = 32;
    public double Settle { get; private set; } = 20;
    public double CallTimeout { get; private set; } = 30;
    public double WaitQuiet { get; private set; }

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
                case "--scenario": o.Scenario = Next(); break;
                case "--db": o.Db = Next(); break;
                case "--pg": o.Pg = Next(); break;
                case "--server-dll": o.ServerDll = Next(); break;
                case "--port": o.Port = Int(); break;
                case "--keep-rate-limit": o.KeepRateLimit = true; break;
                case "--url": o.Url = new Uri(Next()); break;
                case "--pid": o.Pid = Int(); break;
                case "--stations": o.Stations = Int(); break;
                case "--prefix": o.Prefix = Next(); break;
                case "--duration": o.Duration = Num(); break;
                case "--warmup": o.Warmup = Num(); break;
                case "--deflate": o.Deflate = Next(); break;
                case "--sources": o.Sources = Int(); break;
                case "--connect-concurrency": o.ConnectConcurrency = Int(); break;
                case "--settle": o.Settle = Num(); break;
                case "--call-timeout": o.CallTimeout = Num(); break;
                case "--wait-quiet": o.WaitQuiet = Num(); break;
                default: throw new ArgumentException($"unknown option {name}");
            }
        }

        if (o.Scenario is not ("throughput" or "idle-memory"))
        {
            throw new ArgumentException("--scenario must be throughput or idle-memory");
        }

        if (o.Db is not ("sqlite" or "postgres") || (o.Db == "postgres" && o.Pg is null && o.Url is null))
        {
            throw new ArgumentException("--db must be sqlite or postgres (postgres needs --pg)");
        }

        if (o.Stations == 0)
        {
            o.Stations = o.Scenario == "throughput" ? 200 : 2000;
        }

        if (o.Deflate.Length == 0)
        {
            o.Deflate = o.Scenario == "throughput" ? "off" : "both";
        }

        if (o.Deflate is not ("off" or "on" or "both"))
        {
            throw new ArgumentException("--deflate must be off, on or both");
        }

        if (o.Stations is < 1 or > 50_000 || o.Duration is <= 0 or > 3600 || o.Warmup is < 0 or > 600
            || o.Settle is < 0 or > 600 || o.Sources is < 0 or > 250 || o.ConnectConcurrency is < 1 or > 1000
            || o.CallTimeout is <= 0 or > 300 || o.WaitQuiet is < 0 or > 3600)
        {
            throw new ArgumentException("an option is out of range (stations 1..50000, duration <= 3600 s, sources <= 250, ...)");
        }

        return o;
    }

    public string StationId(int index) => string.Create(CultureInfo.InvariantCulture, $"{Prefix}{index + 1:D5}");
}
