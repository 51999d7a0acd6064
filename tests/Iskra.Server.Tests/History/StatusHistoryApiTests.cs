using System.Globalization;
using System.Text.Json;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Server.Tests.Resources;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Server.Tests.History;

/// <summary>
/// Connector status history, status durations, availability and meter values outside transactions, from the statuses and
/// samples real WebSocket stations send, on both databases.
/// </summary>
public sealed class StatusHistoryApiTests(SharedSqliteServer sqlite, SharedPostgresServer postgres) : BothDatabases(sqlite, postgres)
{
    private const string Period = "from=2026-11-01T01:00:00Z&to=2026-11-01T09:00:00Z";

    private static DateTimeOffset At(string time) => DateTimeOffset.Parse(time, CultureInfo.InvariantCulture);

    private static Task<JsonElement> Status(RespondingStation station, int connector, string status, string time, string error = "NoError") =>
        station.CallAsync("StatusNotification", $$"""{"connectorId":{{connector}},"errorCode":"{{error}}","status":"{{status}}","timestamp":"{{time}}"}""");

    // Connector 2 is Unavailable from before the period; connector 0 (the station) is Unavailable 06:00-07:00.
    private static async Task ReportDayAsync(RespondingStation station)
    {
        await Status(station, 2, "Unavailable", "2026-10-31T12:00:00Z");
        await Status(station, 0, "Available", "2026-11-01T00:00:00Z");
        await Status(station, 1, "Available", "2026-11-01T00:00:00Z");
        await Status(station, 1, "Charging", "2026-11-01T02:00:00Z");
        await Status(station, 2, "Available", "2026-11-01T03:00:00Z");
        await Status(station, 1, "Faulted", "2026-11-01T04:00:00Z", "GroundFailure");
        await Status(station, 1, "Available", "2026-11-01T05:00:00Z");
        await Status(station, 0, "Unavailable", "2026-11-01T06:00:00Z");
        await Status(station, 0, "Available", "2026-11-01T07:00:00Z");
    }

    private static Dictionary<string, double> Hours(JsonElement connector) =>
        connector.GetProperty("durations").EnumerateArray().ToDictionary(d => d.GetProperty("status").GetString()!, d => d.GetProperty("seconds").GetDouble() / 3600);

    private static (DateTimeOffset, DateTimeOffset, string) Outage(JsonElement outage) =>
        (outage.GetProperty("start").GetDateTimeOffset(), outage.GetProperty("end").GetDateTimeOffset(), outage.GetProperty("cause").GetString()!);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_status_history_is_read_newest_first_by_connector_status_and_period(string provider)
    {
        var server = On(provider);
        var id = Pages.NewId("hist-st");
        await using var station = await RespondingStation.StartAsync(server, id, OcppVersion.V16);
        await ReportDayAsync(station);

        var all = await server.Api().WalkAsync($"/api/stations/{id}/status-history", 4);
        Assert.Equal(9, all.Count);
        var ids = all.Select(s => s.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(ids.OrderDescending(), ids);
        var one = await server.Api().ItemsAsync($"/api/stations/{id}/status-history?connectorId=1");
        Assert.Equal(["Available", "Faulted", "Charging", "Available"], one.Select(s => s.GetProperty("status").GetString()));
        Assert.Equal(("GroundFailure", 1, At("2026-11-01T04:00:00Z")), (one[1].GetProperty("errorCode").GetString(), one[1].GetProperty("evseId").GetInt32(), one[1].GetProperty("timestamp").GetDateTimeOffset()));
        var faulted = await server.Api().ItemsAsync($"/api/stations/{id}/status-history?status=Faulted");
        Assert.Single(faulted);
        var window = await server.Api().ItemsAsync($"/api/stations/{id}/status-history?from=2026-11-01T03:00:00Z&to=2026-11-01T06:00:00Z");
        Assert.Equal([(1, "Available"), (1, "Faulted"), (2, "Available")], window.Select(s => (s.GetProperty("connectorId").GetInt32(), s.GetProperty("status").GetString())));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Status_durations_count_each_connectors_time_per_status_with_the_status_from_before_the_period(string provider)
    {
        var server = On(provider);
        var id = Pages.NewId("hist-dur");
        await using var station = await RespondingStation.StartAsync(server, id, OcppVersion.V16);
        await ReportDayAsync(station);

        var durations = await (await server.Api().GetPathAsync($"/api/stations/{id}/status-durations?{Period}")).JsonAsync(200);

        Assert.Equal((id, At("2026-11-01T01:00:00Z"), At("2026-11-01T09:00:00Z")), (durations.GetProperty("stationId").GetString(), durations.GetProperty("from").GetDateTimeOffset(), durations.GetProperty("to").GetDateTimeOffset()));
        var connectors = durations.GetProperty("connectors").EnumerateArray().ToList();
        Assert.Equal([0, 1, 2], connectors.Select(c => c.GetProperty("connectorId").GetInt32()));
        Assert.Equal(new Dictionary<string, double> { ["Available"] = 7, ["Unavailable"] = 1 }, Hours(connectors[0]));
        Assert.Equal(new Dictionary<string, double> { ["Available"] = 5, ["Charging"] = 2, ["Faulted"] = 1 }, Hours(connectors[1]));
        Assert.Equal(new Dictionary<string, double> { ["Available"] = 6, ["Unavailable"] = 2 }, Hours(connectors[2]));
        Assert.Equal("Available", connectors[1].GetProperty("statusAtEnd").GetString());

        var before = await (await server.Api().GetPathAsync($"/api/stations/{id}/status-durations?from=2026-10-31T00:00:00Z&to=2026-10-31T13:00:00Z")).JsonAsync(200);
        var only = Assert.Single(before.GetProperty("connectors").EnumerateArray());
        Assert.Equal(new Dictionary<string, double> { ["Unknown"] = 12, ["Unavailable"] = 1 }, Hours(only));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Availability_gives_uptime_and_outages_per_connector_and_for_the_station_and_the_network_list_the_same(string provider)
    {
        var server = On(provider);
        var id = Pages.NewId("hist-av");
        await using var station = await RespondingStation.StartAsync(server, id, OcppVersion.V16);
        await ReportDayAsync(station);

        var availability = await (await server.Api().GetPathAsync($"/api/stations/{id}/availability?{Period}")).JsonAsync(200);

        Assert.Equal((8 * 3600.0, 7 * 3600.0, 87.5), (availability.GetProperty("measuredSeconds").GetDouble(), availability.GetProperty("availableSeconds").GetDouble(), availability.GetProperty("uptimePercent").GetDouble()));
        var stationOutage = Assert.Single(availability.GetProperty("outages").EnumerateArray());
        Assert.Equal((At("2026-11-01T06:00:00Z"), At("2026-11-01T07:00:00Z"), "StationUnavailable"), Outage(stationOutage));
        Assert.Equal((3600.0, false), (stationOutage.GetProperty("seconds").GetDouble(), stationOutage.GetProperty("ongoing").GetBoolean()));
        var connectors = availability.GetProperty("connectors").EnumerateArray().ToList();
        Assert.Equal([1, 2], connectors.Select(c => c.GetProperty("connectorId").GetInt32()));
        Assert.Equal([75.0, 62.5], connectors.Select(c => c.GetProperty("uptimePercent").GetDouble()));
        Assert.Equal(
            [(At("2026-11-01T04:00:00Z"), At("2026-11-01T05:00:00Z"), "ConnectorFaulted"), (At("2026-11-01T06:00:00Z"), At("2026-11-01T07:00:00Z"), "StationUnavailable")],
            connectors[0].GetProperty("outages").EnumerateArray().Select(Outage));
        Assert.Equal(
            [(At("2026-11-01T01:00:00Z"), At("2026-11-01T03:00:00Z"), "ConnectorUnavailable"), (At("2026-11-01T06:00:00Z"), At("2026-11-01T07:00:00Z"), "StationUnavailable")],
            connectors[1].GetProperty("outages").EnumerateArray().Select(Outage));

        var list = await server.Api().ItemsAsync($"/api/availability?stationId={id}&{Period}");
        Assert.Equal(availability.GetRawText(), Assert.Single(list).GetRawText());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_station_that_dropped_its_connection_is_offline_since_it_was_last_seen(string provider)
    {
        var server = On(provider);
        var id = Pages.NewId("hist-off");
        var station = await RespondingStation.StartAsync(server, id, OcppVersion.V201);
        var hourAgo = DateTimeOffset.UtcNow.AddHours(-1);
        await station.CallAsync("StatusNotification", $$"""{"timestamp":"{{hourAgo:O}}","connectorStatus":"Available","evseId":1,"connectorId":1}""");
        var online = await (await server.Api().GetPathAsync($"/api/stations/{id}/availability?from={Uri.EscapeDataString(hourAgo.ToString("O"))}")).JsonAsync(200);
        Assert.Equal(100.0, online.GetProperty("uptimePercent").GetDouble());
        Assert.Empty(online.GetProperty("outages").EnumerateArray());

        var closing = DateTimeOffset.UtcNow;
        await station.CloseAsync();
        await station.DisposeAsync();
        JsonElement availability = default;
        for (var i = 0; i < 100; i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            availability = await (await server.Api().GetPathAsync($"/api/stations/{id}/availability?from={Uri.EscapeDataString(hourAgo.ToString("O"))}")).JsonAsync(200);
            if (availability.GetProperty("outages").GetArrayLength() > 0 && availability.GetProperty("outages")[0].GetProperty("start").GetDateTimeOffset() >= closing.AddSeconds(-1))
            {
                break;
            }
        }

        var outage = Assert.Single(availability.GetProperty("outages").EnumerateArray());
        Assert.Equal(("StationOffline", true), (outage.GetProperty("cause").GetString(), outage.GetProperty("ongoing").GetBoolean()));
        Assert.InRange(outage.GetProperty("start").GetDateTimeOffset(), closing.AddSeconds(-1), DateTimeOffset.UtcNow);
        Assert.Equal(availability.GetProperty("to").GetDateTimeOffset(), outage.GetProperty("end").GetDateTimeOffset());
        Assert.True(availability.GetProperty("availableSeconds").GetDouble() < availability.GetProperty("measuredSeconds").GetDouble());
        var connector = Assert.Single(availability.GetProperty("connectors").EnumerateArray());
        Assert.Equal("StationOffline", Assert.Single(connector.GetProperty("outages").EnumerateArray()).GetProperty("cause").GetString());

        var durations = await (await server.Api().GetPathAsync($"/api/stations/{id}/status-durations?from={Uri.EscapeDataString(hourAgo.ToString("O"))}")).JsonAsync(200);
        var timeline = Assert.Single(durations.GetProperty("connectors").EnumerateArray());
        Assert.Equal("Offline", timeline.GetProperty("statusAtEnd").GetString());
        Assert.Equal(["Available", "Offline"], Hours(timeline).Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_disconnection_shorter_than_the_offline_alarm_threshold_is_an_outage_from_the_connection_log(string provider)
    {
        var server = On(provider);
        var id = Pages.NewId("hist-log");
        var from = DateTimeOffset.UtcNow.AddMinutes(-1);
        var first = await RespondingStation.StartAsync(server, id, OcppVersion.V201);
        await first.CallAsync("StatusNotification", $$"""{"timestamp":"{{from:O}}","connectorStatus":"Available","evseId":1,"connectorId":1}""");
        var closing = DateTimeOffset.UtcNow;
        await first.CloseAsync();
        await first.DisposeAsync();
        await Task.Delay(1500, TestContext.Current.CancellationToken);
        await using var second = await RespondingStation.ConnectAsync(server, id, OcppVersion.V201);
        var reconnected = DateTimeOffset.UtcNow;

        JsonElement availability = default;
        for (var i = 0; i < 100; i++)
        {
            // The reconnection is logged a moment after the handshake.
            availability = await (await server.Api().GetPathAsync($"/api/stations/{id}/availability?from={Uri.EscapeDataString(from.ToString("O"))}")).JsonAsync(200);
            if (availability.GetProperty("outages").EnumerateArray().Any(o => !o.GetProperty("ongoing").GetBoolean()))
            {
                break;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        var outage = Assert.Single(availability.GetProperty("outages").EnumerateArray());
        Assert.Equal(("StationOffline", false), (outage.GetProperty("cause").GetString(), outage.GetProperty("ongoing").GetBoolean()));
        Assert.InRange(outage.GetProperty("start").GetDateTimeOffset(), closing.AddSeconds(-1), reconnected);
        Assert.InRange(outage.GetProperty("end").GetDateTimeOffset(), closing.AddSeconds(1), DateTimeOffset.UtcNow);
        Assert.InRange(outage.GetProperty("seconds").GetDouble(), 0.5, 3.0);
        await using var db = server.CreateDbContext();
        var log = await db.Connections.Where(c => c.StationId == id).OrderBy(c => c.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, log.Count);
        Assert.NotNull(log[0].DisconnectedAt);
        Assert.Null(log[1].DisconnectedAt);
        Assert.Equal("2.0.1", log[1].OcppVersion);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_StationOffline_alarm_in_the_period_is_offline_time_from_its_opening_to_its_clearing(string provider)
    {
        var server = On(provider);
        var id = Pages.NewId("hist-alarm");
        await using var station = await RespondingStation.StartAsync(server, id, OcppVersion.V16);
        await Status(station, 1, "Available", "2026-11-01T00:00:00Z");
        await server.SeedAsync(db => db.Alarms.AddRange(
            OfflineAlarm(id, "2026-11-01T02:00:00Z", "2026-11-01T03:30:00Z"),
            OfflineAlarm(id, "2026-11-01T03:00:00Z", "2026-11-01T04:00:00Z"), // overlaps the first: counted once
            OfflineAlarm(id, "2026-11-01T08:30:00Z", "2026-11-01T12:00:00Z"),
            OfflineAlarm(Pages.NewId("other"), "2026-11-01T05:00:00Z", "2026-11-01T06:00:00Z")));

        var availability = await (await server.Api().GetPathAsync($"/api/stations/{id}/availability?{Period}")).JsonAsync(200);

        Assert.Equal(
            [(At("2026-11-01T02:00:00Z"), At("2026-11-01T04:00:00Z"), "StationOffline"), (At("2026-11-01T08:30:00Z"), At("2026-11-01T09:00:00Z"), "StationOffline")],
            availability.GetProperty("outages").EnumerateArray().Select(Outage));
        Assert.Equal(68.75, availability.GetProperty("uptimePercent").GetDouble());
        var durations = await (await server.Api().GetPathAsync($"/api/stations/{id}/status-durations?{Period}")).JsonAsync(200);
        Assert.Equal(new Dictionary<string, double> { ["Available"] = 5.5, ["Offline"] = 2.5 }, Hours(Assert.Single(durations.GetProperty("connectors").EnumerateArray())));
    }

    private static Iskra.Csms.Alarms.Alarm OfflineAlarm(string stationId, string opened, string cleared) => new()
    {
        StationId = stationId,
        Kind = Iskra.Csms.Alarms.AlarmKinds.StationOffline,
        Severity = "Major",
        Source = "Iskra",
        Code = "StationOffline",
        Message = $"{stationId} is offline",
        OpenedAt = At(opened),
        LastSeenAt = At(opened),
        Count = 1,
        ClearedAt = At(cleared),
    };

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Meter_values_outside_transactions_are_read_without_those_of_sessions(string provider)
    {
        var server = On(provider);
        var id = Pages.NewId("hist-mv");
        var tag = Pages.NewId("tag");
        await server.IdTagAsync(tag);
        await using var station = await RespondingStation.StartAsync(server, id, OcppVersion.V16);
        await station.CallAsync("MeterValues", """{"connectorId":1,"meterValue":[{"timestamp":"2026-11-01T10:00:00Z","sampledValue":[{"value":"1000","unit":"Wh"},{"value":"230.1","measurand":"Voltage","unit":"V","phase":"L1"}]}]}""");
        await station.CallAsync("MeterValues", """{"connectorId":1,"meterValue":[{"timestamp":"2026-11-01T11:00:00Z","sampledValue":[{"value":"1500","measurand":"Energy.Active.Import.Register","unit":"Wh"},{"value":"229.8","measurand":"Voltage","unit":"V","phase":"L1"}]}]}""");
        await station.CallAsync("MeterValues", """{"connectorId":2,"meterValue":[{"timestamp":"2026-11-01T12:00:00Z","sampledValue":[{"value":"77","unit":"Wh"}]}]}""");
        var start = await station.CallAsync("StartTransaction", $$"""{"connectorId":1,"idTag":"{{tag}}","meterStart":1500,"timestamp":"2026-11-01T11:30:00Z"}""");
        await station.CallAsync("MeterValues", $$"""{"connectorId":1,"transactionId":{{start.GetProperty("transactionId").GetInt32()}},"meterValue":[{"timestamp":"2026-11-01T11:45:00Z","sampledValue":[{"value":"1600","unit":"Wh"}]}]}""");

        var all = await server.Api().WalkAsync($"/api/stations/{id}/meter-values", 2);
        Assert.Equal(["77", "229.8", "1500", "230.1", "1000"], all.Select(m => m.GetProperty("value").GetString()));
        Assert.Equal(("Voltage", "V", "L1", At("2026-11-01T11:00:00Z")), (all[1].GetProperty("measurand").GetString(), all[1].GetProperty("unit").GetString(), all[1].GetProperty("phase").GetString(), all[1].GetProperty("timestamp").GetDateTimeOffset()));

        var energy = await server.Api().ItemsAsync($"/api/stations/{id}/meter-values?connectorId=1&measurand=Energy.Active.Import.Register");
        Assert.Equal(["1500", "1000"], energy.Select(m => m.GetProperty("value").GetString()));
        var voltage = await server.Api().ItemsAsync($"/api/stations/{id}/meter-values?measurand=Voltage&from=2026-11-01T10:30:00Z");
        Assert.Equal("229.8", Assert.Single(voltage).GetProperty("value").GetString());
        var second = await server.Api().ItemsAsync($"/api/stations/{id}/meter-values?evseId=2");
        Assert.Equal("77", Assert.Single(second).GetProperty("value").GetString());
        await (await server.Api().GetPathAsync("/api/stations/no-such-station/meter-values")).ProblemAsync(404);
    }
}
