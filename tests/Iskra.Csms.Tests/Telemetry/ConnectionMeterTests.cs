using System.Diagnostics.Metrics;
using System.Text;
using Iskra.Csms.Telemetry;
using Iskra.Ocpp;

namespace Iskra.Csms.Tests.Telemetry;

/// <summary>The per-connection meter: answers counted under their call's action, our calls timed, nothing thrown.</summary>
public sealed class ConnectionMeterTests : IDisposable
{
    private readonly CsmsMetrics _metrics = new();
    private readonly MeterListener _listener = new();
    private readonly Dictionary<string, double> _values = new(StringComparer.Ordinal);

    public ConnectionMeterTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, _metrics.Meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Add(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Add(i, v, tags));
        _listener.Start();
    }

    [Fact]
    public void Our_answers_are_counted_under_the_station_calls_they_answer_in_order()
    {
        var meter = _metrics.Open(OcppVersion.V16);
        Frame(meter, true, """[2,"a","Heartbeat",{}]""");
        Frame(meter, true, """[2,"b","Authorize",{"idTag":"X"}]""");
        Frame(meter, true, """[2,"c","StatusNotification",{}]""");
        Frame(meter, false, """[3,"a",{"currentTime":"2026-01-01T00:00:00Z"}]""");
        Frame(meter, false, """[3,"c",{}]"""); // "b" was never answered (the connection closed meanwhile)
        Frame(meter, false, """[4,"zz","NotImplemented","",{}]""");

        var values = Observe();
        Assert.Equal(1, values["iskra.ocpp.messages|in|1.6|Call|Authorize"]);
        Assert.Equal(1, values["iskra.ocpp.messages|out|1.6|CallResult|Heartbeat"]);
        Assert.Equal(1, values["iskra.ocpp.messages|out|1.6|CallResult|StatusNotification"]);
        Assert.Equal(1, values["iskra.ocpp.messages|out|1.6|CallError|unknown"]);
        Assert.False(values.ContainsKey("iskra.ocpp.messages|out|1.6|CallResult|Authorize"));
        Assert.Equal(1, values["iskra.ocpp.call_errors|NotImplemented|out|1.6"]);
    }

    [Fact]
    public void An_error_answer_to_an_unreadable_frame_leaves_the_calls_after_it_matched()
    {
        var meter = _metrics.Open(OcppVersion.V201);
        Frame(meter, true, """[7,"odd",{}]""");
        Frame(meter, true, """[2,"h1","Heartbeat",{}]""");
        Frame(meter, false, """[4,"odd","MessageTypeNotSupported","",{}]""");
        Frame(meter, false, """[3,"h1",{"currentTime":"2026-01-01T00:00:00Z"}]""");

        var values = Observe();
        Assert.Equal(1, values["iskra.ocpp.messages|out|2.0.1|CallResult|Heartbeat"]);
        Assert.Equal(1, values["iskra.ocpp.messages|out|2.0.1|CallError|unknown"]);
        Assert.Equal(1, values["iskra.ocpp.messages|in|2.0.1|Invalid|unknown"]);
    }

    [Fact]
    public void Our_call_is_timed_when_its_answer_arrives_and_a_stray_answer_is_not()
    {
        var meter = _metrics.Open(OcppVersion.V201);
        Frame(meter, false, """[2,"r1","Reset",{"type":"Immediate"}]""");
        Frame(meter, true, """[3,"other",{}]""");
        Frame(meter, true, """[4,"r1","NotSupported","no",{}]""");
        Frame(meter, true, """[3,"r1",{}]"""); // a second answer to the same id is a stray

        var values = Observe();
        Assert.Equal(1, values["iskra.ocpp.call.duration|Reset|2.0.1"]);
        Assert.Equal(1, values["iskra.ocpp.messages|in|2.0.1|CallError|Reset"]);
        Assert.Equal(2, values["iskra.ocpp.messages|in|2.0.1|CallResult|unknown"]);
        Assert.Equal(1, values["iskra.ocpp.call_errors|NotSupported|in|2.0.1"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[")]
    [InlineData("[2,")]
    [InlineData("[2,\"id\"")]
    [InlineData("[2,\"id\",")]
    [InlineData("[4,\"id\",")]
    [InlineData("{\"a\":1}")]
    [InlineData("[7,\"id\",{}]")]
    [InlineData("[2,\"id\",\"\\u0041uthorize\",{}]")]
    public void Any_frame_is_counted_and_never_throws(string frame)
    {
        var meter = _metrics.Open(OcppVersion.V16);
        Frame(meter, true, frame);
        Assert.Equal(1, Observe().Where(v => v.Key.StartsWith("iskra.ocpp.messages|in|", StringComparison.Ordinal)).Sum(v => v.Value));
    }

    [Fact]
    public void Counting_an_answer_allocates_nothing()
    {
        var meter = _metrics.Open(OcppVersion.V16);
        var call = Encoding.UTF8.GetBytes("""[2,"m1","Heartbeat",{}]""");
        var answer = Encoding.UTF8.GetBytes("""[3,"m1",{"currentTime":"2026-01-01T00:00:00Z"}]""");
        for (var i = 0; i < 100; i++)
        {
            meter.OnFrame(true, call);
            meter.OnFrame(false, answer);
        }

        meter.OnFrame(true, call);
        var before = GC.GetAllocatedBytesForCurrentThread();
        meter.OnFrame(false, answer);
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    public void Dispose()
    {
        _listener.Dispose();
        _metrics.Dispose();
    }

    private static void Frame(ConnectionMeter meter, bool incoming, string text) => meter.OnFrame(incoming, Encoding.UTF8.GetBytes(text));

    private Dictionary<string, double> Observe()
    {
        _listener.RecordObservableInstruments();
        return _values;
    }

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var key = new StringBuilder(instrument.Name);
        foreach (var tag in tags)
        {
            key.Append('|').Append(tag.Value);
        }

        var name = key.ToString();
        // Observable counters report totals (replace); histograms report each measurement (count them).
        _values[name] = instrument.IsObservable ? value : _values.GetValueOrDefault(name) + 1;
    }
}
