using System.Globalization;
using Iskra.Simulator.Swarm;

namespace Iskra.LoadBench;

/// <summary>The figures of one profile run: what the swarm saw and what the server used.</summary>
internal sealed record ProfileResult(string Profile, int Stations, double Seconds, SwarmStats Stats, double ServerCpuPercent, double BenchCpuPercent,
    double OthersCpuPercent, long RssKib, double RssPerConnectionKib, double? ConnectRate, string Extra)
{
    public double MessagesPerSecond => Stats.TotalAnswered / Math.Max(0.001, Seconds);

    /// <summary>Prints the per-action table and the totals.</summary>
    public void Print()
    {
        Console.WriteLine();
        Console.WriteLine(Invariant($"### {Profile}: {Stations} stations, {Seconds:F1} s{(Extra.Length > 0 ? ", " + Extra : "")}"));
        Console.WriteLine();
        Console.WriteLine("| action | sent | answered | p50 ms | p99 ms | p99.9 ms | max ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var action in Enum.GetValues<SwarmAction>())
        {
            var h = Stats.Latency(action);
            if (Stats.Sent(action) > 0 || h.Count > 0)
            {
                Console.WriteLine(Row(action.ToString(), Stats.Sent(action), h));
            }
        }

        Console.WriteLine(Row("all", Stats.TotalSent, Stats.AllLatency()));
        Console.WriteLine();
        Console.WriteLine(Invariant($"messages/s answered: {MessagesPerSecond:F0}; errors: CALLERROR {Stats.CallErrors}, timeout {Stats.Timeouts}, closed {Stats.Closed}, connect failed {Stats.ConnectFailures}; not sent {Stats.Skipped}"));
        if (Stats.FirstError is { } first)
        {
            Console.WriteLine($"first error: {first}");
        }

        Console.WriteLine(Invariant($"CPU (of {Environment.ProcessorCount * 100}%): server {ServerCpuPercent:F0}%, bench {BenchCpuPercent:F0}%, other processes {OthersCpuPercent:F0}%; server RSS {RssKib / 1024.0:F0} MiB, {RssPerConnectionKib:F1} KiB per connection over the baseline"));
    }

    public const string SummaryHeader = """
        | db | profile | stations | connect/s | msg/s | p50 / p99 / p99.9 ms | errors | server CPU | others CPU | RSS KiB/conn | note |
        |---|---|---:|---:|---:|---|---:|---:|---:|---:|---|
        """;

    public string SummaryRow(string db, string note)
    {
        var all = Stats.AllLatency();
        var connect = ConnectRate is { } r ? Invariant($"{r:F0}") : "";
        return Invariant($"| {db} | {Profile} | {Stations} | {connect} | {MessagesPerSecond:F0} | {Percentiles(all)} | {Stats.Errors} | {ServerCpuPercent:F0}% | {OthersCpuPercent:F0}% | {RssPerConnectionKib:F1} | {Extra}{(note.Length > 0 ? " " + note : "")} |");
    }

    /// <summary>p50 / p99 / p99.9, or a dash when nothing was answered in time.</summary>
    private static string Percentiles(LatencyHistogram h) =>
        h.Count == 0 ? "—" : Invariant($"{h.PercentileMs(0.5):F1} / {h.PercentileMs(0.99):F1} / {h.PercentileMs(0.999):F1}");

    private static string Row(string name, long sent, LatencyHistogram h) => h.Count == 0
        ? Invariant($"| {name} | {sent} | 0 | — | — | — | — |")
        : Invariant($"| {name} | {sent} | {h.Count} | {h.PercentileMs(0.5):F1} | {h.PercentileMs(0.99):F1} | {h.PercentileMs(0.999):F1} | {h.MaxMs:F1} |");

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
