using System.Text.Json;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Server.Tests.Resources;

namespace Iskra.Server.Tests.History;

/// <summary>
/// The station reports, readable: security events, other notices and NotifyEvent records sent by real WebSocket stations,
/// read back paged and filtered by station, period and kind, on both databases.
/// </summary>
public sealed class StationReportsApiTests(SharedSqliteServer sqlite, SharedPostgresServer postgres) : BothDatabases(sqlite, postgres)
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Security_events_are_read_with_their_type_techInfo_and_times_paged_and_filtered(string provider)
    {
        var server = On(provider);
        var id = Pages.NewId("hist-sec");
        var other = Pages.NewId("hist-sec2");
        await using var station = await RespondingStation.StartAsync(server, id, OcppVersion.V16);
        await using var neighbour = await RespondingStation.StartAsync(server, other, OcppVersion.V201);
        await station.CallAsync("SecurityEventNotification", """{"type":"StartupOfTheDevice","timestamp":"2026-11-01T08:00:00Z"}""");
        await station.CallAsync("SecurityEventNotification", """{"type":"TamperDetectionActivated","timestamp":"2026-11-02T09:30:00Z","techInfo":"lid opened"}""");
        await station.CallAsync("FirmwareStatusNotification", """{"status":"Downloading"}""");
        await station.CallAsync("SecurityEventNotification", """{"type":"ResetOrReboot","timestamp":"2026-11-03T10:00:00Z","techInfo":"watchdog"}""");
        await neighbour.CallAsync("SecurityEventNotification", """{"type":"ResetOrReboot","timestamp":"2026-11-03T11:00:00Z"}""");

        var all = await server.Api().WalkAsync($"/api/stations/{id}/security-events", 2);
        Assert.Equal(["ResetOrReboot", "TamperDetectionActivated", "StartupOfTheDevice"], all.Select(e => e.GetProperty("type").GetString()));
        Assert.Equal(["watchdog", "lid opened", null], all.Select(e => e.GetProperty("techInfo").GetString()));
        Assert.Equal(DateTimeOffset.Parse("2026-11-02T09:30:00Z", System.Globalization.CultureInfo.InvariantCulture), all[1].GetProperty("timestamp").GetDateTimeOffset());
        Assert.All(all, e => Assert.Equal(id, e.GetProperty("stationId").GetString()));
        Assert.All(all, e => Assert.True(e.GetProperty("receivedAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5)));

        var window = await server.Api().ItemsAsync($"/api/stations/{id}/security-events?from=2026-11-02T00:00:00Z&to=2026-11-03T10:00:00Z");
        Assert.Equal("TamperDetectionActivated", Assert.Single(window).GetProperty("type").GetString());
        var typed = await server.Api().ItemsAsync($"/api/stations/{id}/security-events?type=ResetOrReboot");
        Assert.Equal("watchdog", Assert.Single(typed).GetProperty("techInfo").GetString());

        var network = await server.Api().ItemsAsync("/api/security-events?type=ResetOrReboot&from=2026-11-03T00:00:00Z&to=2026-11-04T00:00:00Z&limit=500");
        Assert.Equal([other, id], network.Where(e => e.GetProperty("stationId").GetString() is { } s && (s == id || s == other)).Select(e => e.GetProperty("stationId").GetString()));
        var one = await server.Api().ItemsAsync($"/api/security-events?stationId={other}");
        Assert.Equal(other, Assert.Single(one).GetProperty("stationId").GetString());
        Assert.Empty(await server.Api().ItemsAsync("/api/security-events?stationId=no-such-station"));
        await (await server.Api().GetPathAsync("/api/stations/no-such-station/security-events")).ProblemAsync(404);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Other_reports_are_read_by_action_and_period_for_one_station_or_the_network(string provider)
    {
        var server = On(provider);
        var id = Pages.NewId("hist-rep");
        await using var station = await RespondingStation.StartAsync(server, id, OcppVersion.V201);
        await station.CallAsync("FirmwareStatusNotification", """{"status":"Downloading","requestId":4}""");
        await station.CallAsync("FirmwareStatusNotification", """{"status":"Installed","requestId":4}""");
        await station.CallAsync("LogStatusNotification", """{"status":"Uploaded","requestId":9}""");
        await station.CallAsync("SecurityEventNotification", """{"type":"FirmwareUpdated","timestamp":"2020-01-01T00:00:00Z"}""");

        var firmware = await server.Api().ItemsAsync($"/api/stations/{id}/notices?action=FirmwareStatusNotification");
        Assert.Equal(["Installed", "Downloading"], firmware.Select(n => n.GetProperty("status").GetString()));
        Assert.All(firmware, n => Assert.Equal(4, n.GetProperty("requestId").GetInt32()));
        Assert.Equal("Installed", firmware[0].GetProperty("payload").GetProperty("status").GetString());

        // The period is on the station's time where it gave one (the security event's 2020), else on the time of receipt.
        var recent = await server.Api().ItemsAsync($"/api/stations/{id}/notices?from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(-1).ToString("O"))}");
        Assert.Equal(["LogStatusNotification", "FirmwareStatusNotification", "FirmwareStatusNotification"], recent.Select(n => n.GetProperty("action").GetString()));
        var old = await server.Api().ItemsAsync($"/api/stations/{id}/notices?to=2021-01-01T00:00:00Z");
        Assert.Equal("SecurityEventNotification", Assert.Single(old).GetProperty("action").GetString());

        var network = await server.Api().WalkAsync($"/api/notices?stationId={id}", 3);
        Assert.Equal(4, network.Count);
        Assert.All(network, n => Assert.Equal(id, n.GetProperty("stationId").GetString()));
        var logs = await server.Api().ItemsAsync($"/api/notices?stationId={id}&action=LogStatusNotification");
        Assert.Equal(9, Assert.Single(logs).GetProperty("requestId").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task NotifyEvent_records_are_read_by_component_variable_and_period(string provider)
    {
        var server = On(provider);
        var id = Pages.NewId("hist-evt");
        await using var station = await RespondingStation.StartAsync(server, id, OcppVersion.V201);
        await station.CallAsync("NotifyEvent", """
            {"generatedAt":"2026-11-23T10:00:00Z","seqNo":0,"tbc":false,"eventData":[
              {"eventId":1,"timestamp":"2026-11-23T10:00:00Z","trigger":"Alerting","actualValue":"true","techCode":"E42","techInfo":"ground fault","component":{"name":"Connector","evse":{"id":1,"connectorId":1}},"variable":{"name":"Problem"},"eventNotificationType":"HardWiredNotification"},
              {"eventId":2,"timestamp":"2026-11-23T11:00:00Z","trigger":"Delta","actualValue":"Occupied","component":{"name":"Connector","evse":{"id":1,"connectorId":1}},"variable":{"name":"AvailabilityState"},"eventNotificationType":"HardWiredNotification"},
              {"eventId":3,"timestamp":"2026-11-24T09:00:00Z","trigger":"Alerting","actualValue":"false","cleared":true,"component":{"name":"Connector","evse":{"id":1,"connectorId":1}},"variable":{"name":"Problem"},"eventNotificationType":"HardWiredNotification"}]}
            """);

        var all = await server.Api().WalkAsync($"/api/stations/{id}/notify-events", 2);
        Assert.Equal([3, 2, 1], all.Select(e => e.GetProperty("eventId").GetInt32()));
        var first = all[2];
        Assert.Equal(("Alerting", "true", "E42", "ground fault"), (first.GetProperty("trigger").GetString(), first.GetProperty("actualValue").GetString(), first.GetProperty("techCode").GetString(), first.GetProperty("techInfo").GetString()));
        Assert.Equal(("Connector", "Problem", 1, 1), (first.GetProperty("component").GetString(), first.GetProperty("variable").GetString(), first.GetProperty("evseId").GetInt32(), first.GetProperty("connectorId").GetInt32()));
        Assert.True(all[0].GetProperty("cleared").GetBoolean());

        var problems = await server.Api().ItemsAsync($"/api/stations/{id}/notify-events?component=Connector&variable=Problem");
        Assert.Equal([3, 1], problems.Select(e => e.GetProperty("eventId").GetInt32()));
        var day = await server.Api().ItemsAsync($"/api/stations/{id}/notify-events?from=2026-11-23T10:30:00Z&to=2026-11-24T00:00:00Z");
        Assert.Equal(2, Assert.Single(day).GetProperty("eventId").GetInt32());
        Assert.Empty(await server.Api().ItemsAsync($"/api/stations/{id}/notify-events?variable=Nothing"));
        await (await server.Api().GetPathAsync("/api/stations/no-such-station/notify-events")).ProblemAsync(404);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_boot_history_shows_the_firmware_versions_over_time(string provider)
    {
        var server = On(provider);
        var id = Pages.NewId("hist-boot");
        await server.StationAsync(id);
        var before = DateTimeOffset.UtcNow;
        await using var station = await RespondingStation.ConnectAsync(server, id, OcppVersion.V16);
        foreach (var firmware in new[] { "1.0.0", "1.1.0", "1.1.0", "2.0.0" })
        {
            var reply = await station.CallAsync("BootNotification", $$"""{"chargePointVendor":"Iskra","chargePointModel":"Responder","chargePointSerialNumber":"SN-7","firmwareVersion":"{{firmware}}"}""");
            Assert.Equal("Accepted", reply.GetProperty("status").GetString());
        }

        var all = await server.Api().WalkAsync($"/api/stations/{id}/boots", 3);
        Assert.Equal(["2.0.0", "1.1.0", "1.1.0", "1.0.0"], all.Select(b => b.GetProperty("firmwareVersion").GetString()));
        Assert.All(all, b => Assert.Equal(("Iskra", "Responder", "SN-7", "Accepted"), (b.GetProperty("vendor").GetString(), b.GetProperty("model").GetString(), b.GetProperty("serialNumber").GetString(), b.GetProperty("registrationStatus").GetString())));
        Assert.All(all, b => Assert.InRange(b.GetProperty("bootedAt").GetDateTimeOffset(), before, DateTimeOffset.UtcNow));
        Assert.Equal(2, (await server.Api().ItemsAsync($"/api/stations/{id}/boots?firmwareVersion=1.1.0")).Length);
        Assert.Empty(await server.Api().ItemsAsync($"/api/stations/{id}/boots?to={Uri.EscapeDataString(before.AddSeconds(-1).ToString("O"))}"));
        Assert.Equal(4, (await server.Api().ItemsAsync($"/api/stations/{id}/boots?from={Uri.EscapeDataString(before.AddSeconds(-1).ToString("O"))}")).Length);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Every_history_read_refuses_bad_periods_and_pages_naming_the_parameter_and_answers_404_for_an_unknown_station(string provider)
    {
        var server = On(provider);
        var id = Pages.NewId("hist-bad");
        await server.StationAsync(id);
        string[] stationReads = ["notices", "security-events", "notify-events", "status-history", "meter-values", "boots", "status-durations", "availability"];
        var reads = stationReads.Select(r => $"/api/stations/{id}/{r}").Concat(["/api/notices", "/api/security-events", "/api/availability"]);
        foreach (var read in reads)
        {
            await (await server.Api().GetPathAsync(read)).JsonAsync(200);
            foreach (var (query, named) in new[]
            {
                ("?from=yesterday", "from"), ("?to=2026-13-01T00:00:00Z", "to"), ("?from=12/01/2026", "from"),
                ("?from=2026-11-05T00:00:00Z&to=2026-11-01T00:00:00Z", "from"),
            })
            {
                var problem = await (await server.Api().GetPathAsync(read + query)).ProblemAsync(400);
                Assert.Contains(named, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            }
        }

        foreach (var read in stationReads.Take(6).Select(r => $"/api/stations/{id}/{r}").Concat(["/api/notices", "/api/security-events", "/api/availability"]))
        {
            await (await server.Api().GetPathAsync(read + "?limit=0")).ProblemAsync(400);
            if (!read.EndsWith("/availability", StringComparison.Ordinal))
            {
                await (await server.Api().GetPathAsync(read + "?cursor=YWJj")).ProblemAsync(400); // "abc": not an id
            }
        }

        var tooLong = await (await server.Api().GetPathAsync($"/api/stations/{id}/availability?from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z")).ProblemAsync(400);
        Assert.Contains("from", tooLong.GetProperty("detail").GetString(), StringComparison.Ordinal);
        foreach (var read in stationReads)
        {
            var problem = await (await server.Api().GetPathAsync($"/api/stations/no-such-station/{read}")).ProblemAsync(404);
            Assert.Equal("Unknown station", problem.GetProperty("title").GetString());
        }
    }
}
