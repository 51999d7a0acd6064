using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;
using Iskra.Csms.Storage;
using Iskra.Csms.Telemetry;
using Iskra.Server.Transport;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Server.Metrics;

/// <summary>
/// Renders the host's <see cref="CsmsMetrics.Meter"/> in the Prometheus text format 0.0.4. It adds the
/// server's own gauges (connected stations, active transactions, dropped traffic rows), listens to
/// histograms as they are recorded, and reads the observable instruments at each scrape. Names follow
/// the Prometheus conventions: dots become underscores, seconds get <c>_seconds</c>, counters <c>_total</c>.
/// </summary>
public sealed class PrometheusExporter : IDisposable
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(Instrument Instrument, string Labels), HistogramSeries> _histograms = new();
    private readonly List<Instrument> _instruments = [];
    private readonly SemaphoreSlim _scrape = new(1, 1);
    private readonly IDbContextFactory<IskraDbContext> _contexts;
    private List<(Instrument Instrument, string Labels, double Value)> _observed = [];
    private long _activeTransactions;

    public PrometheusExporter(CsmsMetrics metrics, StationSessions sessions, StorageWriter writer, Iskra.Csms.Notifications.Outbox outbox, IDbContextFactory<IskraDbContext> contexts)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        _contexts = contexts;
        var meter = metrics.Meter;
        meter.CreateObservableGauge("iskra.stations.connected", () => sessions.Count, "{station}", "Stations with a live OCPP connection");
        meter.CreateObservableGauge("iskra.transactions.active", () => Interlocked.Read(ref _activeTransactions), "{transaction}", "Transactions not yet stopped");
        meter.CreateObservableCounter("iskra.storage.dropped", () => writer.Dropped, "{row}", "Traffic log rows dropped because the storage writer's queue was full or it was overloaded");
        meter.CreateObservableCounter("iskra.ocpp.calls_shed", () => writer.Shed, "{message}", "Station calls refused at once (CALLERROR InternalError) because the storage writer was overloaded");
        meter.CreateObservableCounter("iskra.outbox.dropped", () => outbox.Dropped, "{message}", "Webhooks and e-mails dropped before they were stored because too many waited (Notifications:QueueCapacity)");
        meter.CreateObservableCounter("iskra.outbox.refused", () => outbox.Refused, "{message}", "Webhooks and e-mails refused because their destination had Notifications:MaxPendingPerDestination pending");
        meter.CreateObservableGauge("iskra.storage.queue_delay", () => writer.Health().OldestWait.TotalSeconds, "s", "How long the storage writer's oldest uncommitted write has waited");
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, meter))
            {
                lock (_instruments)
                {
                    _instruments.Add(instrument);
                }

                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Measured(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Measured(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Measured(i, v, tags));
        _listener.Start();
    }

    /// <summary>Writes every series, refreshing what needs the database first.</summary>
    public async Task<string> ScrapeAsync(CancellationToken cancellationToken)
    {
        await _scrape.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using (var db = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
            {
                Interlocked.Exchange(ref _activeTransactions, await db.Transactions.LongCountAsync(t => t.StoppedAt == null, cancellationToken).ConfigureAwait(false));
            }

            _observed = [];
            _listener.RecordObservableInstruments();
            return Render();
        }
        finally
        {
            _scrape.Release();
        }
    }

    public void Dispose()
    {
        _listener.Dispose();
        _scrape.Dispose();
    }

    private void Measured(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (instrument is Histogram<double> histogram)
        {
            var bounds = histogram.Advice?.HistogramBucketBoundaries ?? HistogramSeries.DefaultBounds;
            _histograms.GetOrAdd((instrument, Labels(tags)), static (_, b) => new HistogramSeries(b), bounds).Record(value);
        }
        else if (instrument.IsObservable)
        {
            _observed.Add((instrument, Labels(tags), value));
        }
    }

    private string Render()
    {
        var text = new StringBuilder();
        Instrument[] instruments;
        lock (_instruments)
        {
            instruments = [.. _instruments];
        }

        foreach (var instrument in instruments.OrderBy(i => i.Name, StringComparer.Ordinal))
        {
            var isCounter = instrument is ObservableCounter<long> or ObservableCounter<int> or Counter<long>;
            var isHistogram = instrument is Histogram<double>;
            var name = NameOf(instrument) + (isCounter ? "_total" : "");
            text.Append("# HELP ").Append(name).Append(' ').Append(instrument.Description).Append('\n');
            text.Append("# TYPE ").Append(name).Append(' ').Append(isHistogram ? "histogram" : isCounter ? "counter" : "gauge").Append('\n');
            if (isHistogram)
            {
                foreach (var ((_, labels), series) in _histograms.Where(h => h.Key.Instrument == instrument).OrderBy(h => h.Key.Labels, StringComparer.Ordinal))
                {
                    series.Write(text, name, labels);
                }

                continue;
            }

            foreach (var (_, labels, value) in _observed.Where(o => o.Instrument == instrument))
            {
                text.Append(name).Append(labels.Length == 0 ? "" : "{" + labels + "}").Append(' ').Append(Number(value)).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string NameOf(Instrument instrument) =>
        instrument.Name.Replace('.', '_') + (instrument.Unit == "s" ? "_seconds" : "");

    internal static string Number(double value) =>
        double.IsPositiveInfinity(value) ? "+Inf" : value.ToString("G17", CultureInfo.InvariantCulture);

    private static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.IsEmpty)
        {
            return "";
        }

        var text = new StringBuilder();
        foreach (var (key, value) in tags)
        {
            if (text.Length > 0)
            {
                text.Append(',');
            }

            text.Append(key).Append("=\"").Append(Escape(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")).Append('"');
        }

        return text.ToString();
    }

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
