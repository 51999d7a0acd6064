using System.Diagnostics;
using System.Globalization;

namespace Iskra.Bench;

internal static class Scenarios
{
    private const string Heartbeat = "Heartbeat";
    private const string MeterValues = "MeterValues";
    private const int MaxCallsPerStation = 10_000_000;

    /// <summary>
    /// Every station alternates Heartbeat and MeterValues (4 sampled values) in a closed loop, one
    /// CALL outstanding; calls answered inside the measured window count.
    /// </summary>
    public static async Task<bool> ThroughputAsync(BenchOptions o, ServerProcess server, bool deflate, CancellationToken ct)
    {
        var f = await Fleet.ConnectAsync(o, server.BaseUri, deflate, ct).ConfigureAwait(false);
        await using var closeFleet = f.ConfigureAwait(false);
        Console.WriteLine($"connected and booted {f.Stations.Count}/{o.Stations} stations in {f.Elapsed.TotalSeconds:F1} s ({f.Stations.Count / f.Elapsed.TotalSeconds:F0}/s), {f.Compressed} with permessage-deflate; failed {f.Failed} {f.FirstError}");
        if (f.Stations.Count == 0)
        {
            return false;
        }

        var timeout = TimeSpan.FromSeconds(o.CallTimeout);
        var now = Stopwatch.GetTimestamp();
        var measureStart = now + Ticks(o.Warmup);
        var measureEnd = measureStart + Ticks(o.Duration);
        var loops = f.Stations.Select(s => Task.Run(() => LoopAsync(s, measureStart, measureEnd, timeout), ct)).ToList();

        await DelayUntilAsync(measureStart, ct).ConfigureAwait(false);
        var serverCpu0 = server.CpuTime();
        var benchCpu0 = Machine.OwnCpu();
        var system0 = SystemCpu.Read();
        var wall0 = Stopwatch.GetTimestamp();
        await DelayUntilAsync(measureEnd, ct).ConfigureAwait(false);
        var serverCpu1 = server.CpuTime();
        var benchCpu1 = Machine.OwnCpu();
        var system1 = SystemCpu.Read();
        var wall = Stopwatch.GetElapsedTime(wall0);
        var memory = server.Memory();
        var results = await Task.WhenAll(loops).ConfigureAwait(false);

        var hb = Merge(results.Select(r => r.Heartbeat));
        var mv = Merge(results.Select(r => r.MeterValues));
        var total = hb.Length + mv.Length;
        var errors = results.Sum(r => r.CallErrors + r.Timeouts + r.Closed);
        Console.WriteLine();
        Console.WriteLine($"stations {f.Stations.Count}, deflate {(deflate ? "on" : "off")}, warmup {o.Warmup} s, measured {o.Duration} s");
        Console.WriteLine();
        Console.WriteLine("| action | answered | per s | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine(Row(Heartbeat, hb, o.Duration));
        Console.WriteLine(Row(MeterValues, mv, o.Duration));
        Console.WriteLine(Row("all", Merge([hb, mv]), o.Duration));
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"messages/s: {total / o.Duration:F0} (each answered only after its commit); errors in window: CALLERROR {results.Sum(r => r.CallErrors)}, timeout {results.Sum(r => r.Timeouts)}, closed {results.Sum(r => r.Closed)}"));
        var firstError = results.Select(r => r.FirstError).FirstOrDefault(e => e is not null);
        if (firstError is not null)
        {
            Console.WriteLine($"first error: {firstError}");
        }

        if (serverCpu0 is { } c0 && serverCpu1 is { } c1)
        {
            var serverShare = (c1 - c0) / wall * 100;
            var benchShare = (benchCpu1 - benchCpu0) / wall * 100;
            var machineShare = SystemCpu.BusySeconds(system0, system1) / wall.TotalSeconds * 100;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"CPU over the window (of {Environment.ProcessorCount} cores = {Environment.ProcessorCount * 100}%): server {serverShare:F0}%, bench client {benchShare:F0}%, whole machine {machineShare:F0}% (other processes {Math.Max(0, machineShare - serverShare - benchShare):F0}%)"));
        }

        if (memory is { } m)
        {
            Console.WriteLine($"server memory at the end: VmRSS {m.RssKib / 1024.0:F1} MiB, RssAnon {m.AnonKib / 1024.0:F1} MiB, VmHWM {m.HwmKib / 1024.0:F1} MiB");
        }

        return errors == 0 && f.Failed == 0;
    }

    /// <summary>
    /// Connects and boots N stations that then stay idle (a receive pending to answer pings), and
    /// reports the growth of the server's resident memory per connection.
    /// </summary>
    public static async Task<bool> IdleMemoryAsync(BenchOptions o, ServerProcess server, bool deflate, CancellationToken ct)
    {
        if (server.Pid is null)
        {
            Console.WriteLine("idle-memory needs the server's process id (--pid with --url)");
            return false;
        }

        // Warm up JIT, pools and the DbContext pool before the baseline (the first ids; they reconnect later).
        var warm = BenchOptions.Parse(["--scenario", "idle-memory", "--stations", Math.Min(50, o.Stations).ToString(CultureInfo.InvariantCulture), "--prefix", o.Prefix, "--sources", o.Sources.ToString(CultureInfo.InvariantCulture)]);
        await using (var warmFleet = await Fleet.ConnectAsync(warm, server.BaseUri, deflate, ct).ConfigureAwait(false))
        {
            foreach (var s in warmFleet.Stations)
            {
                await s.CallAsync(Heartbeat, "{}", TimeSpan.FromSeconds(o.CallTimeout)).ConfigureAwait(false);
            }
        }

        await WaitForSessionsAsync(server, 0, TimeSpan.FromSeconds(30), ct).ConfigureAwait(false);
        await Task.Delay(TimeSpan.FromSeconds(5), ct).ConfigureAwait(false);
        var before = server.Memory()!.Value;
        Console.WriteLine($"baseline (after a warm-up of {warm.Stations} connections, all closed): VmRSS {before.RssKib} KiB, RssAnon {before.AnonKib} KiB");

        var f = await Fleet.ConnectAsync(o, server.BaseUri, deflate, ct).ConfigureAwait(false);
        await using var closeFleet = f.ConfigureAwait(false);
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var idling = f.Stations.Select(s => s.IdleAsync(idle.Token)).ToList();
        Console.WriteLine($"connected and booted {f.Stations.Count}/{o.Stations} stations in {f.Elapsed.TotalSeconds:F1} s ({f.Stations.Count / f.Elapsed.TotalSeconds:F0}/s), {f.Compressed} with permessage-deflate; failed {f.Failed} {f.FirstError}");
        var peak = server.Memory()!.Value;

        // Settle: wait, sampling, so queued writes finish and the GC has had its chance.
        var samples = new List<MemorySample>();
        var settleEnd = Stopwatch.GetTimestamp() + Ticks(o.Settle);
        while (Stopwatch.GetTimestamp() < settleEnd)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), ct).ConfigureAwait(false);
            samples.Add(server.Memory()!.Value);
        }

        var after = server.Memory()!.Value;
        var sessions = await server.SessionsAsync(ct).ConfigureAwait(false);
        var stillOpen = idling.Count(t => !t.IsCompleted);
        var n = f.Stations.Count;
        Console.WriteLine();
        Console.WriteLine($"stations {n}, deflate {(deflate ? "on" : "off")} ({f.Compressed} negotiated), settle {o.Settle} s; server reports {sessions?.ToString(CultureInfo.InvariantCulture) ?? "?"} sessions, {stillOpen} client sockets open");
        Console.WriteLine();
        Console.WriteLine("| measure | before KiB | after KiB | growth KiB | KiB per connection |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        Console.WriteLine(MemRow("VmRSS", before.RssKib, after.RssKib, n));
        Console.WriteLine(MemRow("RssAnon", before.AnonKib, after.AnonKib, n));
        Console.WriteLine(MemRow("VmHWM (peak)", before.HwmKib, after.HwmKib, n));
        Console.WriteLine();
        Console.WriteLine($"VmRSS right after connecting {peak.RssKib} KiB; during settle min {samples.DefaultIfEmpty(after).Min(s => s.RssKib)} max {samples.DefaultIfEmpty(after).Max(s => s.RssKib)} KiB");
        await idle.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(idling).ConfigureAwait(false);
        return f.Failed == 0 && stillOpen == n;
    }

    private static async Task WaitForSessionsAsync(ServerProcess server, int count, TimeSpan limit, CancellationToken ct)
    {
        var end = Stopwatch.GetTimestamp() + Ticks(limit.TotalSeconds);
        while (Stopwatch.GetTimestamp() < end && await server.SessionsAsync(ct).ConfigureAwait(false) is { } n && n != count)
        {
            await Task.Delay(200, ct).ConfigureAwait(false);
        }
    }

    private static string MemRow(string name, long before, long after, int n) =>
        string.Create(CultureInfo.InvariantCulture, $"| {name} | {before} | {after} | {after - before} | {(after - before) / (double)n:F1} |");

    private static async Task<StationResult> LoopAsync(StationClient station, long measureStart, long measureEnd, TimeSpan timeout)
    {
        var r = new StationResult();
        for (var i = 0; i < MaxCallsPerStation && Stopwatch.GetTimestamp() < measureEnd; i++)
        {
            var heartbeat = (i & 1) == 0;
            var payload = heartbeat ? "{}" : MeterValuesPayload(i);
            var t0 = Stopwatch.GetTimestamp();
            var status = await station.CallAsync(heartbeat ? Heartbeat : MeterValues, payload, timeout).ConfigureAwait(false);
            var t1 = Stopwatch.GetTimestamp();
            var inWindow = t1 >= measureStart && t1 < measureEnd;
            if (status == CallStatus.Result)
            {
                if (inWindow)
                {
                    (heartbeat ? r.Heartbeat : r.MeterValues).Add(t1 - t0);
                }

                continue;
            }

            r.FirstError ??= $"{station.Id}: {station.LastError}";
            switch (status)
            {
                case CallStatus.CallError:
                    r.CallErrors++;
                    continue;
                case CallStatus.Timeout:
                    r.Timeouts++;
                    break;
                default:
                    r.Closed++;
                    break;
            }

            break;
        }

        return r;
    }

    private static string MeterValuesPayload(int i)
    {
        var ts = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var wh = 100_000 + i;
        return string.Create(CultureInfo.InvariantCulture, $$"""
            {"connectorId":1,"meterValue":[{"timestamp":"{{ts}}","sampledValue":[{"value":"{{wh}}","context":"Sample.Periodic","measurand":"Energy.Active.Import.Register","unit":"Wh"},{"value":"7200","context":"Sample.Periodic","measurand":"Power.Active.Import","unit":"W"},{"value":"31.2","context":"Sample.Periodic","measurand":"Current.Import","phase":"L1","unit":"A"},{"value":"230.4","context":"Sample.Periodic","measurand":"Voltage","phase":"L1-N","unit":"V"}]}]}
            """);
    }

    private static long[] Merge(IEnumerable<List<long>> lists)
    {
        var all = lists.SelectMany(l => l).ToArray();
        Array.Sort(all);
        return all;
    }

    private static long[] Merge(IEnumerable<long[]> arrays)
    {
        var all = arrays.SelectMany(a => a).ToArray();
        Array.Sort(all);
        return all;
    }

    private static string Row(string action, long[] sorted, double seconds) =>
        string.Create(CultureInfo.InvariantCulture,
            $"| {action} | {sorted.Length} | {sorted.Length / seconds:F0} | {Ms(sorted, 0.50):F1} | {Ms(sorted, 0.90):F1} | {Ms(sorted, 0.99):F1} | {Ms(sorted, 0.999):F1} | {Ms(sorted, 1.0):F1} |");

    private static double Ms(long[] sorted, double quantile)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var index = Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1);
        return sorted[index] * 1000.0 / Stopwatch.Frequency;
    }

    private static long Ticks(double seconds) => (long)(seconds * Stopwatch.Frequency);

    private static async Task DelayUntilAsync(long timestamp, CancellationToken ct)
    {
        var remaining = timestamp - Stopwatch.GetTimestamp();
        if (remaining > 0)
        {
            await Task.Delay(TimeSpan.FromSeconds(remaining / (double)Stopwatch.Frequency), ct).ConfigureAwait(false);
        }
    }

    private sealed class StationResult
    {
        public List<long> Heartbeat { get; } = new(4096);

        public List<long> MeterValues { get; } = new(4096);

        public int CallErrors { get; set; }

        public int Timeouts { get; set; }

        public int Closed { get; set; }

        public string? FirstError { get; set; }
    }
}
