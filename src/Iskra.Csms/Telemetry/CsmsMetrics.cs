using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using Iskra.Ocpp;

namespace Iskra.Csms.Telemetry;

/// <summary>
/// The CSMS's own instruments (System.Diagnostics.Metrics, meter <see cref="MeterName"/>), one instance
/// per host. Per-message counts live in pre-built slots (<see cref="MessageCounts"/>), incremented
/// without allocation and read by observable instruments; the rarer events (our calls' latency,
/// storage commits, CALLERRORs) are recorded directly.
/// </summary>
public sealed class CsmsMetrics : IDisposable
{
    public const string MeterName = "Iskra";

    private static readonly double[] LatencyBuckets = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    private readonly MessageCounts _v16 = new(OcppVersion.V16);
    private readonly MessageCounts _v201 = new(OcppVersion.V201);
    private readonly ConcurrentDictionary<(string Code, string Direction, string Version), StrongBox<long>> _errors = new();
    private readonly Histogram<double> _callDuration;
    private readonly Histogram<double> _commitDuration;

    public CsmsMetrics()
    {
        Meter = new Meter(MeterName);
        Meter.CreateObservableCounter("iskra.ocpp.messages", ObserveMessages, "{message}", "OCPP-J frames by direction (in/out), OCPP version, message type and action");
        Meter.CreateObservableCounter("iskra.ocpp.call_errors", ObserveErrors, "{message}", "CALLERROR frames by error code, direction and OCPP version");
        _callDuration = Meter.CreateHistogram("iskra.ocpp.call.duration", "s", "Time from a CSMS CALL to the station's answer, by action and OCPP version",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
        _commitDuration = Meter.CreateHistogram("iskra.storage.commit.duration", "s", "Time of one storage writer batch commit",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
    }

    public Meter Meter { get; }

    /// <summary>A meter for one connection of <paramref name="version"/>; its traffic observer feeds it every frame.</summary>
    public ConnectionMeter Open(OcppVersion version) => new(this, version == OcppVersion.V16 ? _v16 : _v201);

    /// <summary>Records how long the station took to answer one of our CALLs.</summary>
    public void CallAnswered(string action, OcppVersion version, TimeSpan elapsed) =>
        _callDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("action", action), new KeyValuePair<string, object?>("version", version.DisplayName()));

    /// <summary>Records one storage writer commit.</summary>
    public void Committed(TimeSpan elapsed) => _commitDuration.Record(elapsed.TotalSeconds);

    /// <summary>Counts one CALLERROR; the code is cut to 40 characters so a peer cannot flood the series.</summary>
    public void CallError(ReadOnlySpan<char> code, bool incoming, OcppVersion version)
    {
        var known = code.Length <= 40 ? code.ToString() : "other";
        var box = _errors.GetOrAdd((known, incoming ? "in" : "out", version.DisplayName()), static _ => new StrongBox<long>());
        Interlocked.Increment(ref box.Value);
    }

    public void Dispose() => Meter.Dispose();

    private IEnumerable<Measurement<long>> ObserveMessages() => _v16.Observe().Concat(_v201.Observe());

    private IEnumerable<Measurement<long>> ObserveErrors()
    {
        foreach (var (key, box) in _errors)
        {
            yield return new Measurement<long>(Interlocked.Read(ref box.Value),
                new KeyValuePair<string, object?>("code", key.Code), new KeyValuePair<string, object?>("direction", key.Direction), new KeyValuePair<string, object?>("version", key.Version));
        }
    }
}
