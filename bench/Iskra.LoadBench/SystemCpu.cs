using System.Diagnostics;
using System.Globalization;

namespace Iskra.LoadBench;

/// <summary>Machine-wide CPU use from /proc/stat, to see what else competed for the cores during a run.</summary>
internal readonly record struct SystemCpu(long BusyTicks, long TotalTicks)
{
    public static SystemCpu Read()
    {
        var first = File.ReadLines("/proc/stat").First();
        var v = first.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8).Select(x => long.Parse(x, CultureInfo.InvariantCulture)).ToArray();
        var idle = v[3] + v[4];
        var total = v.Sum();
        return new SystemCpu(total - idle, total);
    }

    /// <summary>Busy time between two samples, in seconds of CPU (100 ticks/s).</summary>
    public static double BusySeconds(SystemCpu a, SystemCpu b) => (b.BusyTicks - a.BusyTicks) / 100.0;

    /// <summary>Waits (at most <paramref name="limit"/>) until the machine is below <paramref name="busyFraction"/> for 3 s in a row.</summary>
    public static async Task<bool> WaitQuietAsync(TimeSpan limit, double busyFraction, CancellationToken ct)
    {
        var end = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        var quiet = 0;
        var last = Read();
        while (Stopwatch.GetTimestamp() < end)
        {
            await Task.Delay(1000, ct).ConfigureAwait(false);
            var now = Read();
            var fraction = (now.BusyTicks - last.BusyTicks) / (double)Math.Max(1, now.TotalTicks - last.TotalTicks);
            last = now;
            quiet = fraction < busyFraction ? quiet + 1 : 0;
            if (quiet >= 3)
            {
                return true;
            }
        }

        return false;
    }
}
