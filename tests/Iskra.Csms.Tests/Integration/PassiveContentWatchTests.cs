using System.Text.Json;
using Iskra.Csms.Integration;
using Iskra.Csms.Integration.Passive;
using Iskra.Ocpp;
using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V16.Messages;

namespace Iskra.Csms.Tests.Integration;

/// <summary>
/// A watch of the content checks (<see cref="StationWatch.ForContent"/>, the lab's): its findings go to the sink it
/// was given, and the checks of time and of Iskra's own calls stay off.
/// </summary>
public sealed class PassiveContentWatchTests
{
    private static readonly RpcReply MeterValuesAnswer = RpcReply.Result(new MeterValuesResponse(), V16JsonContext.Default.MeterValuesResponse);

    [Fact]
    public void A_content_watch_hands_its_findings_to_its_sink_with_the_check_id()
    {
        var sink = new Sink();
        var watch = StationWatch.ForContent("content-1", OcppVersion.V16, new PassiveOptions(), TimeProvider.System, sink);
        Call(watch, "StartTransaction", """{"connectorId":1,"idTag":"A","meterStart":5000,"timestamp":"2026-03-01T12:00:00Z"}""",
            RpcReply.Result(new StartTransactionResponse { TransactionId = 7, IdTagInfo = new IdTagInfo { Status = AuthorizationStatus.Accepted } }, V16JsonContext.Default.StartTransactionResponse));
        Call(watch, "StopTransaction", """{"transactionId":7,"meterStop":4000,"timestamp":"2026-03-01T12:10:00Z"}""",
            RpcReply.Result(new StopTransactionResponse(), V16JsonContext.Default.StopTransactionResponse));

        var finding = Assert.Single(sink.Stored);
        Assert.Equal("passive/meter-stop-below-start", finding.Check);
        Assert.Equal("transaction 7: meterStop 4000 Wh below its start 5000 Wh", finding.Observed);
        Assert.Contains("\"StopTransaction\"", Assert.Single(finding.Frames).Frame, StringComparison.Ordinal);
    }

    [Fact]
    public void A_content_watch_judges_no_heartbeat_cadence_and_no_late_answer()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.Parse("2026-03-01T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var sink = new Sink();
        var watch = StationWatch.ForContent("content-2", OcppVersion.V16, new PassiveOptions { AnswerTimeout = TimeSpan.FromSeconds(1) }, time, sink);
        var boot = new BootNotificationResponse { Status = RegistrationStatus.Accepted, CurrentTime = time.GetUtcNow(), Interval = 300 };
        Call(watch, "BootNotification", """{"chargePointVendor":"Iskra","chargePointModel":"Bench"}""", RpcReply.Result(boot, V16JsonContext.Default.BootNotificationResponse));
        for (var i = 0; i < 5; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1)); // far faster than the 300 s set
            Call(watch, "Heartbeat", "{}", RpcReply.Result(new HeartbeatResponse { CurrentTime = time.GetUtcNow() }, V16JsonContext.Default.HeartbeatResponse));
        }

        watch.OnFrame(RpcFrameDirection.Outgoing, """[2,"c-1","Reset",{"type":"Soft"}]"""u8);
        time.Advance(TimeSpan.FromSeconds(10));
        watch.OnFrame(RpcFrameDirection.Incoming, """[3,"c-1",{"status":"Accepted"}]"""u8);
        watch.Sweep(time.GetUtcNow());

        Assert.Empty(sink.Stored);
        Assert.Equal(0, sink.Sightings);
    }

    [Fact]
    public void A_register_reading_that_went_backwards_is_not_judged_for_its_unit()
    {
        var sink = new Sink();
        var watch = StationWatch.ForContent("content-3", OcppVersion.V16, new PassiveOptions { MinExpectedEnergyWh = 10 }, TimeProvider.System, sink);
        Meter(watch, "2026-03-01T12:00:00Z", 31);
        Meter(watch, "2026-03-01T12:00:05Z", 0); // 100 Wh back: after 5 s at 22 kW the energy would be judged here
        Meter(watch, "2026-03-01T12:00:10Z", 62);

        var finding = Assert.Single(sink.Stored);
        Assert.Equal("passive/register-backwards", finding.Check);
    }

    private static void Meter(StationWatch watch, string at, int wh) => Call(watch, "MeterValues",
        $$"""{"connectorId":1,"transactionId":9,"meterValue":[{"timestamp":"{{at}}","sampledValue":[{"value":"{{wh}}","measurand":"Energy.Active.Import.Register","unit":"Wh"},{"value":"22080","measurand":"Power.Active.Import","unit":"W"}]}]}""",
        MeterValuesAnswer);

    private static void Call(StationWatch watch, string action, string payload, RpcReply reply)
    {
        using var document = JsonDocument.Parse(payload);
        watch.OnCall(new RpcCall(Guid.NewGuid().ToString("N"), action, document.RootElement.Clone()), reply);
    }

    private sealed class Sink : IPassiveSink
    {
        public List<Finding> Stored { get; } = [];

        public int Sightings { get; private set; }

        public bool Sighted(StationWatch watch, string check, DateTimeOffset now)
        {
            Sightings++;
            return true;
        }

        public void Store(StationWatch watch, Finding finding, DateTimeOffset now) => Stored.Add(finding);

        public void Closed(StationWatch watch)
        {
        }
    }
}
