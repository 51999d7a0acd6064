using System.Diagnostics;
using System.Globalization;
using Iskra.LoadBench;
using Iskra.Simulator.Swarm;

if (args.Contains("--help"))
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}

BenchOptions o;
try
{
    o = BenchOptions.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
var ct = cancel.Token;

// Each station holds a socket here and one in the server (which inherits this limit).
var files = FileLimit.Raise((ulong)(o.Stations * 2) + 10_000);
Console.WriteLine($"# Iskra.LoadBench: {string.Join(' ', args)}");
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Machine.MemoryGib():F1} GiB, {Machine.CpuModel()}; open files {files}; started {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss}Z");
await using var server = o.Url is not null
    ? await ServerProcess.AttachAsync(o.Url, o.Pid, ct)
    : await ServerProcess.StartAsync(o, $"{o.Db}-{o.Stations}", ct);
Console.WriteLine(server.Description);
if (o.WaitQuiet > 0)
{
    var quiet = await SystemCpu.WaitQuietAsync(TimeSpan.FromSeconds(o.WaitQuiet), 0.25, ct);
    Console.WriteLine(quiet ? "machine quiet (< 25% busy for 3 s)" : $"machine still busy after waiting {o.WaitQuiet} s: figures are contended");
}

var ids = Enumerable.Range(0, o.Stations).Select(o.StationId).ToArray();

// Warm up JIT, pools and the DbContext pool before the memory baseline: the first ids connect, boot, beat and leave.
var warmStats = new SwarmStats();
await using (var warm = new SwarmFleet(new SwarmConnector(server.BaseUri, o.Sources, o.Deflate), ids[..Math.Min(200, ids.Length)], o.VersionOf, warmStats))
{
    await warm.ConnectAsync(50, TimeSpan.FromSeconds(o.CallTimeout), s => s.CallAsync(SwarmStep.Heartbeat, TimeSpan.FromSeconds(o.CallTimeout)), ct);
}

await Task.Delay(TimeSpan.FromSeconds(5), ct);
var baseline = server.Memory()?.RssKib ?? 0;
Console.WriteLine($"baseline after a warm-up of 200 connections: VmRSS {baseline} KiB");

var connectStats = new SwarmStats();
await using var fleet = new SwarmFleet(new SwarmConnector(server.BaseUri, o.Sources, o.Deflate), ids, o.VersionOf, connectStats);
var connectWindow = Profiles.Window.Start(server);
var (booted, elapsed) = await fleet.ConnectAsync(o.ConnectConcurrency, TimeSpan.FromSeconds(o.CallTimeout), ct: ct);
var connect = new ProfileResult("connect", o.Stations, elapsed.TotalSeconds, connectStats, 0, 0, 0, server.Memory()?.RssKib ?? 0, 0, booted / elapsed.TotalSeconds,
    $"{booted}/{o.Stations} connected and booted, {o.ConnectConcurrency} in flight");
var used = connectWindow.Stop();
connect = connect with { ServerCpuPercent = used.Server, BenchCpuPercent = used.Bench, OthersCpuPercent = used.Others };
connect = connect with { RssPerConnectionKib = (connect.RssKib - baseline) / (double)Math.Max(1, fleet.Connected) };
connect.Print();

List<ProfileResult> results = [connect];
var profiles = new Profiles(o, server, fleet, baseline);
foreach (var name in o.Profiles)
{
    if (fleet.Connected < fleet.Stations.Count && name is not ("storm" or "replay"))
    {
        // Whoever fell off in the previous profile comes back before this one.
        await fleet.ConnectAsync(o.ConnectConcurrency, TimeSpan.FromSeconds(o.CallTimeout), ct: ct);
    }

    var started = Stopwatch.GetTimestamp();
    var result = await profiles.RunAsync(name, ct);
    result.Print();
    var settled = await profiles.SettleAsync(ct);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"({name} took {Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s with its drain; the server answered a probe within 1 s again after {settled.TotalSeconds:F0} s)"));
    results.Add(result);
}

Console.WriteLine();
Console.WriteLine("## Summary");
Console.WriteLine();
Console.WriteLine(ProfileResult.SummaryHeader);
var rows = results.Select(r => r.SummaryRow(o.Db, o.Note)).ToList();
rows.ForEach(Console.WriteLine);
if (o.Summary is not null)
{
    await File.AppendAllLinesAsync(o.Summary, rows, ct);
}

return results.All(r => r.Stats.Errors == 0) ? 0 : 1;

internal static class Machine
{
    public static double MemoryGib()
    {
        var line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0 / 1024.0;
    }

    public static string CpuModel() =>
        File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";

    public static TimeSpan OwnCpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }
}
