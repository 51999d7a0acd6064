using System.Diagnostics;
using System.Globalization;
using Iskra.Bench;

if (args.Contains("--help") || args.Length == 0)
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
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

Console.WriteLine($"# Iskra.Bench {options.Scenario}: {string.Join(' ', args)}");
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Machine.MemoryGib():F1} GiB, {Machine.CpuModel()}; started {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss}Z");
var modes = options.Deflate switch
{
    "on" => new[] { true },
    "both" => [false, true],
    _ => [false],
};
var exitCode = 0;
foreach (var deflate in modes)
{
    var label = $"{options.Scenario}-{(deflate ? "deflate" : "plain")}";
    await using var server = options.Url is not null
        ? await ServerProcess.AttachAsync(options.Url, options.Pid, cancel.Token).ConfigureAwait(false)
        : await ServerProcess.StartAsync(options, label, cancel.Token).ConfigureAwait(false);
    Console.WriteLine();
    Console.WriteLine($"## {label}: {server.Description}");
    if (options.WaitQuiet > 0)
    {
        var quiet = await SystemCpu.WaitQuietAsync(TimeSpan.FromSeconds(options.WaitQuiet), 0.25, cancel.Token).ConfigureAwait(false);
        Console.WriteLine(quiet ? "machine quiet (< 25% busy for 3 s)" : $"machine still busy after waiting {options.WaitQuiet} s; measuring anyway");
    }

    var ok = options.Scenario == "throughput"
        ? await Scenarios.ThroughputAsync(options, server, deflate, cancel.Token).ConfigureAwait(false)
        : await Scenarios.IdleMemoryAsync(options, server, deflate, cancel.Token).ConfigureAwait(false);
    if (!ok)
    {
        exitCode = 1;
    }
}

return exitCode;

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
