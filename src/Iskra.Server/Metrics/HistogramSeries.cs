using System.Text;

namespace Iskra.Server.Metrics;

/// <summary>One histogram series: counts per bucket, the sum and the count, written cumulatively as Prometheus expects.</summary>
public sealed class HistogramSeries(IReadOnlyList<double> bounds)
{
    public static readonly IReadOnlyList<double> DefaultBounds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly long[] _buckets = new long[bounds.Count + 1];
    private double _sum;
    private long _count;

    public void Record(double value)
    {
        var bucket = 0;
        while (bucket < bounds.Count && value > bounds[bucket])
        {
            bucket++;
        }

        lock (_buckets)
        {
            _buckets[bucket]++;
            _sum += value;
            _count++;
        }
    }

    public void Write(StringBuilder text, string name, string labels)
    {
        ArgumentNullException.ThrowIfNull(text);
        var prefix = labels.Length == 0 ? "" : labels + ",";
        lock (_buckets)
        {
            long cumulative = 0;
            for (var i = 0; i <= bounds.Count; i++)
            {
                cumulative += _buckets[i];
                var le = i < bounds.Count ? PrometheusExporter.Number(bounds[i]) : "+Inf";
                text.Append(name).Append("_bucket{").Append(prefix).Append("le=\"").Append(le).Append("\"} ").Append(cumulative).Append('\n');
            }

            var braces = labels.Length == 0 ? "" : "{" + labels + "}";
            text.Append(name).Append("_sum").Append(braces).Append(' ').Append(PrometheusExporter.Number(_sum)).Append('\n');
            text.Append(name).Append("_count").Append(braces).Append(' ').Append(_count).Append('\n');
        }
    }
}
