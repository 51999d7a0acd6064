using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Iskra.Simulator.Swarm;

namespace Iskra.LoadBench;

/// <summary>
/// The Iskra server under test: a child process started from the Release build with a fresh
/// database and the bench stations seeded (security profile 0), or a running server given by URL.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process? _process;
    private readonly StreamWriter? _log;

    private ServerProcess(Uri baseUri, int? pid, Process? process, StreamWriter? log, string? workDir, string description)
    {
        BaseUri = baseUri;
        Pid = pid;
        _process = process;
        _log = log;
        WorkDir = workDir;
        Description = description;
    }

    public Uri BaseUri { get; }

    public int? Pid { get; }

    public string? WorkDir { get; }

    public string Description { get; }

    public static async Task<ServerProcess> AttachAsync(Uri url, int? pid, CancellationToken ct)
    {
        await WaitHealthyAsync(url, TimeSpan.FromSeconds(30), ct).ConfigureAwait(false);
        return new ServerProcess(url, pid, null, null, null, $"running server at {url}");
    }

    /// <summary>
    /// Starts the server with its working directory (= content root) in a fresh folder that holds a copy
    /// of the shipped appsettings.json and an appsettings.Bench.json with the seed (environment "Bench").
    /// </summary>
    public static async Task<ServerProcess> StartAsync(BenchOptions o, string label, CancellationToken ct)
    {
        var dll = Path.GetFullPath(o.ServerDll ?? Path.Combine(RepoRoot(), "src/Iskra.Server/bin/Release/net10.0/Iskra.Server.dll"));
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{dll} not found: dotnet build -c Release src/Iskra.Server", dll);
        }

        var stamp = DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        var work = Path.Combine(Path.GetTempPath(), $"iskra-bench-{stamp}-{label}");
        Directory.CreateDirectory(work);
        File.Copy(Path.Combine(Path.GetDirectoryName(dll)!, "appsettings.json"), Path.Combine(work, "appsettings.json"));
        await File.WriteAllTextAsync(Path.Combine(work, "appsettings.Bench.json"), BenchSettings(o), ct).ConfigureAwait(false);

        var database = o.Db == "postgres"
            ? $"{WithoutDatabase(o.Pg!)};Database=iskra_bench_{stamp}_{label.Replace('-', '_')}"
            : $"Data Source={Path.Combine(work, "iskra.db")}";
        var port = o.Port != 0 ? o.Port : FreePort();
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = work,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(dll);
        psi.ArgumentList.Add("--urls");
        psi.ArgumentList.Add($"http://127.0.0.1:{port}");
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Bench";
        psi.Environment["ISKRA_DATABASE"] = database;

        var log = new StreamWriter(Path.Combine(work, "server.log")) { AutoFlush = true };
        var process = new Process { StartInfo = psi };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var baseUri = new Uri($"http://127.0.0.1:{port}/");
        var server = new ServerProcess(baseUri, process.Id, process, log, work, $"Iskra.Server pid {process.Id} on {baseUri}, {o.Db}, work dir {work}");
        try
        {
            // Migration and a seed of thousands of stations take a while on the first start.
            await WaitHealthyAsync(baseUri, TimeSpan.FromSeconds(300), ct, process).ConfigureAwait(false);
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return server;
    }

    private static string WithoutDatabase(string connectionString) => string.Join(';', connectionString
        .Split(';', StringSplitOptions.RemoveEmptyEntries)
        .Where(p => !p.TrimStart().StartsWith("Database=", StringComparison.OrdinalIgnoreCase)));

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
        }
    }

    private static string BenchSettings(BenchOptions o)
    {
        // The station's flood guard stays as shipped: the swarm sends at a station's pace.
        var stations = Enumerable.Range(0, o.Stations).Select(i => new Dictionary<string, object> { ["Id"] = o.StationId(i), ["SecurityProfile"] = 0 }).ToList();
        var idTags = new[] { new Dictionary<string, object> { ["IdTag"] = SwarmFrames.IdTag } };
        var settings = new Dictionary<string, object>
        {
            ["Seed"] = new Dictionary<string, object> { ["Stations"] = stations, ["IdTags"] = idTags },
        };
        return JsonSerializer.Serialize(settings);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Iskra.slnx")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }

    private static async Task WaitHealthyAsync(Uri baseUri, TimeSpan limit, CancellationToken ct, Process? process = null)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (process is { HasExited: true })
            {
                throw new InvalidOperationException($"the server exited with code {process.ExitCode} before it was healthy");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(baseUri, "health"), ct).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
            }

            await Task.Delay(250, ct).ConfigureAwait(false);
        }

        throw new TimeoutException($"the server at {baseUri} was not healthy within {limit}");
    }

    /// <summary>Connected sessions as the server's /health reports them.</summary>
    public async Task<int?> SessionsAsync(CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            var json = await http.GetStringAsync(new Uri(BaseUri, "health"), ct).ConfigureAwait(false);
            using var doc = JsonDocument.Parse(json);
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                if (p.Value.ValueKind == JsonValueKind.Number && p.Name.Equals("connectedStations", StringComparison.OrdinalIgnoreCase))
                {
                    return p.Value.GetInt32();
                }
            }
        }
        catch (HttpRequestException)
        {
        }

        return null;
    }

    /// <summary>VmRSS, RssAnon and VmHWM in KiB from /proc/&lt;pid&gt;/status; null when unknown.</summary>
    public MemorySample? Memory()
    {
        if (Pid is null)
        {
            return null;
        }

        long rss = 0, anon = 0, hwm = 0;
        foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kib(line);
            }
            else if (line.StartsWith("RssAnon:", StringComparison.Ordinal))
            {
                anon = Kib(line);
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                hwm = Kib(line);
            }
        }

        return new MemorySample(rss, anon, hwm);

        static long Kib(string line) => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }

    /// <summary>The server's user+system CPU time so far (from /proc/&lt;pid&gt;/stat, 100 ticks/s).</summary>
    public TimeSpan? CpuTime()
    {
        if (Pid is null)
        {
            return null;
        }

        var stat = File.ReadAllText($"/proc/{Pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // After the command: state is field 3, utime 14, stime 15 (1-based), so indexes 11 and 12 here.
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            if (!_process.HasExited)
            {
                // SIGTERM lets the host drain its storage queue; kill only if it does not stop in time.
                using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
                {
                    await kill.WaitForExitAsync().ConfigureAwait(false);
                }

                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                try
                {
                    await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    _process.Kill(entireProcessTree: true);
                }
            }

            _process.Dispose();
        }

        if (_log is not null)
        {
            await _log.DisposeAsync().ConfigureAwait(false);
        }
    }
}

internal readonly record struct MemorySample(long RssKib, long AnonKib, long HwmKib);
