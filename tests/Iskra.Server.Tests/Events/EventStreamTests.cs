using System.Globalization;
using Iskra.Csms.Access;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Events;

/// <summary><c>GET /api/events</c>: what real stations do arrives as server-sent events, in order, once stored.</summary>
public sealed class EventStreamTests(SharedSqliteServer shared) : IClassFixture<SharedSqliteServer>
{
    private IskraServer Server => shared.Server;

    [Fact]
    public async Task A_16_station_session_arrives_in_order_with_its_data()
    {
        await Server.IdTagAsync("SSE-TAG-16");
        await using var events = await SseClient.OpenAsync(Server, "sse-16");
        await using var station = await RespondingStation.StartAsync(Server, "sse-16", OcppVersion.V16);

        var connected = await events.NextAsync();
        Assert.Equal(("station.connected", "sse-16"), (connected.Type, connected.StationId));
        Assert.Equal("1.6", connected.Data.GetProperty("ocppVersion").GetString());
        Assert.Equal("127.0.0.1", connected.Data.GetProperty("remoteAddress").GetString());
        Assert.True(DateTimeOffset.Parse(connected.Message.GetProperty("timestamp").GetString()!, CultureInfo.InvariantCulture) > DateTimeOffset.UnixEpoch);

        await station.CallAsync("StatusNotification", """{"connectorId":1,"errorCode":"NoError","status":"Preparing"}""");
        var status = await events.NextAsync();
        Assert.Equal("station.status", status.Type);
        Assert.Equal((1, 1, "Preparing", "NoError"), (status.Data.GetProperty("connectorId").GetInt32(), status.Data.GetProperty("evseId").GetInt32(), status.Data.GetProperty("status").GetString(), status.Data.GetProperty("errorCode").GetString()));

        var start = await station.CallAsync("StartTransaction", """{"connectorId":1,"idTag":"SSE-TAG-16","meterStart":1000,"timestamp":"2026-11-26T10:00:00Z"}""");
        var transactionId = start.GetProperty("transactionId").GetInt32();
        var started = await events.NextAsync();
        Assert.Equal("transaction.started", started.Type);
        Assert.Equal(transactionId, started.Data.GetProperty("transactionId").GetInt32()); // SPEC §2.2: the 1.6 integer
        Assert.True(started.Data.GetProperty("id").GetInt64() > 0);
        Assert.Equal(("SSE-TAG-16", 1, 1000m), (started.Data.GetProperty("idTag").GetString(), started.Data.GetProperty("connectorId").GetInt32(), started.Data.GetProperty("meterStartWh").GetDecimal()));

        await station.CallAsync("MeterValues", $$"""{"connectorId":1,"transactionId":{{transactionId}},"meterValue":[{"timestamp":"2026-11-26T10:05:00Z","sampledValue":[{"value":"1700","measurand":"Energy.Active.Import.Register","unit":"Wh"}]}]}""");
        var updated = await events.NextAsync();
        Assert.Equal("transaction.updated", updated.Type);
        Assert.Equal(started.Data.GetProperty("id").GetInt64(), updated.Data.GetProperty("id").GetInt64());
        Assert.Equal((1700m, 700m), (updated.Data.GetProperty("meterStopWh").GetDecimal(), updated.Data.GetProperty("energyWh").GetDecimal()));

        station.Answer("Reset", """{"status":"Accepted"}""");
        await (await Server.Api().PostJsonAsync("/api/stations/sse-16/commands/reset", """{"type":"Soft"}""")).JsonAsync(200);
        var sent = await events.NextAsync();
        var answered = await events.NextAsync();
        Assert.Equal(("command.sent", "reset", "Reset"), (sent.Type, sent.Data.GetProperty("command").GetString(), sent.Data.GetProperty("action").GetString()));
        Assert.Equal(("command.answered", "Accepted"), (answered.Type, answered.Data.GetProperty("outcome").GetString()));

        await station.CallAsync("StopTransaction", $$"""{"transactionId":{{transactionId}},"meterStop":2500,"timestamp":"2026-11-26T10:10:00Z","reason":"Remote"}""");
        var stopped = await events.NextAsync();
        Assert.Equal("transaction.stopped", stopped.Type);
        Assert.Equal((2500m, 1500m, "Remote"), (stopped.Data.GetProperty("meterStopWh").GetDecimal(), stopped.Data.GetProperty("energyWh").GetDecimal(), stopped.Data.GetProperty("stopReason").GetString()));

        await station.CloseAsync();
        var disconnected = await events.NextAsync();
        Assert.Equal(("station.disconnected", "1.6"), (disconnected.Type, disconnected.Data.GetProperty("ocppVersion").GetString()));
        Assert.True(new[] { connected, status, started, updated, sent, answered, stopped, disconnected }.Select(e => e.Id).Order().SequenceEqual(
            new[] { connected, status, started, updated, sent, answered, stopped, disconnected }.Select(e => e.Id)));
    }

    [Fact]
    public async Task A_201_transaction_event_sequence_arrives_as_started_updated_stopped()
    {
        await Server.IdTagAsync("SSE-TAG-201");
        await using var events = await SseClient.OpenAsync(Server, "sse-201");
        await using var station = await RespondingStation.StartAsync(Server, "sse-201", OcppVersion.V201);
        Assert.Equal("2.0.1", (await events.NextAsync()).Data.GetProperty("ocppVersion").GetString());

        await station.CallAsync("StatusNotification", """{"timestamp":"2026-11-26T10:00:00Z","connectorStatus":"Occupied","evseId":2,"connectorId":1}""");
        var status = await events.NextAsync();
        Assert.Equal(("station.status", 2, 1, "Occupied"), (status.Type, status.Data.GetProperty("evseId").GetInt32(), status.Data.GetProperty("connectorId").GetInt32(), status.Data.GetProperty("status").GetString()));

        await station.CallAsync("TransactionEvent", Event("Started", 0, "10:00", 1000, ""","idToken":{"idToken":"SSE-TAG-201","type":"ISO14443"}"""));
        var started = await events.NextOfAsync("transaction.started", "alarm.raised"); // 26 Nov sent live: also a ClockSkew alarm
        Assert.Equal(("transaction.started", "T-201", "SSE-TAG-201", 2), (started.Type, started.Data.GetProperty("transactionId").GetString(), started.Data.GetProperty("idTag").GetString(), started.Data.GetProperty("evseId").GetInt32()));

        await station.CallAsync("TransactionEvent", Event("Updated", 1, "10:05", 1800, ""));
        var updated = await events.NextOfAsync("transaction.updated", "alarm.raised");
        Assert.Equal(("transaction.updated", 800m), (updated.Type, updated.Data.GetProperty("energyWh").GetDecimal()));

        await station.CallAsync("TransactionEvent", Event("Updated", 1, "10:05", 1800, "")); // a retry: stored once, announced once
        await station.CallAsync("TransactionEvent", Event("Ended", 2, "10:10", 2600, ""));
        var stopped = await events.NextOfAsync("transaction.stopped", "alarm.raised");
        Assert.Equal(("transaction.stopped", 1600m, "EVDisconnected"), (stopped.Type, stopped.Data.GetProperty("energyWh").GetDecimal(), stopped.Data.GetProperty("stopReason").GetString()));
        Assert.Equal(started.Data.GetProperty("id").GetInt64(), stopped.Data.GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task A_fault_raises_an_alarm_event_after_its_status()
    {
        await using var events = await SseClient.OpenAsync(Server, "sse-alarm");
        await using var station = await RespondingStation.StartAsync(Server, "sse-alarm", OcppVersion.V16);
        Assert.Equal("station.connected", (await events.NextAsync()).Type);

        await station.CallAsync("StatusNotification", """{"connectorId":2,"errorCode":"GroundFailure","status":"Faulted","info":"RCD tripped"}""");
        var status = await events.NextAsync();
        var alarm = await events.NextAsync();
        Assert.Equal(("station.status", "GroundFailure"), (status.Type, status.Data.GetProperty("errorCode").GetString()));
        Assert.Equal(("alarm.raised", "sse-alarm", "GroundFailure", "StatusNotification", 2), (alarm.Type, alarm.StationId, alarm.Data.GetProperty("code").GetString(), alarm.Data.GetProperty("source").GetString(), alarm.Data.GetProperty("connectorId").GetInt32()));
        Assert.True(alarm.Data.GetProperty("id").GetInt64() > 0);
    }

    [Fact]
    public async Task The_station_filter_excludes_other_stations_and_no_filter_sees_all()
    {
        await using var mine = await SseClient.OpenAsync(Server, "sse-mine");
        await using var all = await SseClient.OpenAsync(Server);
        await using (var other = await RespondingStation.StartAsync(Server, "sse-other", OcppVersion.V16))
        {
            await other.CallAsync("StatusNotification", """{"connectorId":1,"errorCode":"NoError","status":"Available"}""");
        }

        await using var station = await RespondingStation.StartAsync(Server, "sse-mine", OcppVersion.V16);
        var first = await mine.NextAsync();
        Assert.Equal(("station.connected", "sse-mine"), (first.Type, first.StationId));

        var seen = new List<(string, string?)>();
        while (seen.Count == 0 || seen[^1].Item2 != "sse-mine")
        {
            var e = await all.NextAsync();
            seen.Add((e.Type, e.StationId));
        }

        Assert.Contains(("station.connected", "sse-other"), seen);
        Assert.Contains(("station.status", "sse-other"), seen);
    }

    [Fact]
    public async Task Without_a_key_the_stream_is_401_and_a_viewer_may_watch()
    {
        var anonymous = await Server.Api(null).GetAsync(new Uri("/api/events", UriKind.Relative), TestContext.Current.CancellationToken);
        await anonymous.ProblemAsync(401);

        using var viewer = await Server.ApiAsync(ApiRole.Viewer);
        await using var events = await SseClient.OpenAsync(Server, "sse-viewer", viewer);
        await using var station = await RespondingStation.StartAsync(Server, "sse-viewer", OcppVersion.V201);
        Assert.Equal("station.connected", (await events.NextAsync()).Type);
        Assert.Equal("no-store", events.Response.Headers.CacheControl?.ToString());
    }

    private static string Event(string type, int seqNo, string time, int wh, string extra) =>
        $$$"""{"eventType":"{{{type}}}","timestamp":"2026-11-26T{{{time}}}:00Z","triggerReason":"MeterValuePeriodic","seqNo":{{{seqNo}}},"transactionInfo":{"transactionId":"T-201"{{{(type == "Ended" ? ""","stoppedReason":"EVDisconnected" """ : "")}}}},"evse":{"id":2,"connectorId":1}{{{extra}}},"meterValue":[{"timestamp":"2026-11-26T{{{time}}}:00Z","sampledValue":[{"value":{{{wh}}},"measurand":"Energy.Active.Import.Register","unitOfMeasure":{"unit":"Wh"}}]}]}""";
}
