using System.Net.WebSockets;
using System.Text.Json;
using Iskra.Csms.Access;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Resources;

/// <summary>What the operator reads about stations: their traffic, refused connections, alarms and the audit log.</summary>
public abstract class LogsApiTests(SharedServer shared)
{
    private IskraServer Server => shared.Server;

    [Fact]
    public async Task The_message_log_shows_both_directions_newest_first_and_pages_without_gaps()
    {
        var id = Pages.NewId("msg");
        await using var station = await RespondingStation.StartAsync(Server, id, OcppVersion.V201);
        station.Answer("Reset", """{"status":"Accepted"}""");
        await (await Server.Api().PostJsonAsync($"/api/stations/{id}/commands/reset", """{"type":"Soft"}""")).JsonAsync(200);
        for (var i = 0; i < 3; i++)
        {
            await station.CallAsync("Heartbeat", "{}");
        }

        // The traffic log is written without waiting: give it the moment the writer needs.
        List<JsonElement> all = [];
        for (var attempt = 0; attempt < 100 && all.Count < 10; attempt++)
        {
            all = await Server.Api().WalkAsync($"/api/stations/{id}/messages", 3);
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.Equal(10, all.Count); // boot, reset and three heartbeats: each a CALL and its answer
        var ids = all.Select(m => m.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(ids.Distinct().OrderDescending(), ids);
        var boot = all.Single(m => m.GetProperty("action").GetString() == "BootNotification");
        Assert.Equal(("in", 2), (boot.GetProperty("direction").GetString(), boot.GetProperty("messageType").GetInt32()));
        Assert.StartsWith("[2,", boot.GetProperty("frame").GetString(), StringComparison.Ordinal);
        var answer = all.Single(m => m.GetProperty("messageType").GetInt32() == 3 && m.GetProperty("messageId").GetString() == boot.GetProperty("messageId").GetString());
        Assert.Equal("out", answer.GetProperty("direction").GetString());
        var reset = all.Single(m => m.GetProperty("action").GetString() == "Reset");
        Assert.Equal("out", reset.GetProperty("direction").GetString());
        Assert.Contains(all, m => m.GetProperty("direction").GetString() == "in" && m.GetProperty("messageId").GetString() == reset.GetProperty("messageId").GetString());

        await (await Server.Api().GetPathAsync("/api/stations/nobody-here/messages")).ProblemAsync(404);
        await (await Server.Api().GetPathAsync($"/api/stations/{id}/messages?cursor=%%%")).ProblemAsync(400);
    }

    [Fact]
    public async Task A_refused_handshake_is_listed_with_its_reason_and_address()
    {
        var id = Pages.NewId("refused");
        await Server.StationAsync(id);
        await Assert.ThrowsAsync<WebSocketException>(() => TestStation.ConnectAsync(Server, id, OcppVersion.V16, "wrong-password-0123456"));
        var unknown = Pages.NewId("stranger");
        await Assert.ThrowsAsync<WebSocketException>(() => TestStation.ConnectAsync(Server, unknown, OcppVersion.V16, Seed.Password));

        await Server.FlushRefusalsAsync();
        var attempt = Assert.Single(await Server.Api().ItemsAsync($"/api/connection-attempts?stationId={id}"));
        Assert.Equal(("BadCredentials", "127.0.0.1"), (attempt.GetProperty("reason").GetString(), attempt.GetProperty("address").GetString()));
        Assert.NotEqual(default, attempt.GetProperty("time").GetDateTimeOffset());
        Assert.Equal(attempt.GetProperty("time").GetDateTimeOffset(), attempt.GetProperty("firstTime").GetDateTimeOffset());
        Assert.Equal(1, attempt.GetProperty("count").GetInt32());
        var newest = (await Server.Api().ItemsAsync("/api/connection-attempts?limit=500")).ToList();
        Assert.True(newest.FindIndex(a => a.GetProperty("stationId").GetString() == unknown) < newest.FindIndex(a => a.GetProperty("stationId").GetString() == id));
        Assert.Equal("UnknownStation", newest.First(a => a.GetProperty("stationId").GetString() == unknown).GetProperty("reason").GetString());
        await (await Server.Api().GetPathAsync("/api/connection-attempts?limit=1000")).ProblemAsync(400);
    }

    [Fact]
    public async Task An_alarm_is_listed_and_acknowledged_by_an_operator_whose_key_is_recorded()
    {
        var id = Pages.NewId("alarm");
        await using var station = await RespondingStation.StartAsync(Server, id, OcppVersion.V16);
        await station.CallAsync("StatusNotification", """{"connectorId":1,"errorCode":"GroundFailure","status":"Faulted","info":"RCD tripped"}""");

        var alarm = Assert.Single(await Server.Api().ItemsAsync($"/api/alarms?stationId={id}&acknowledged=false"));
        Assert.Equal(("GroundFailure", "StatusNotification", 1, true), (alarm.GetProperty("code").GetString(), alarm.GetProperty("source").GetString(), alarm.GetProperty("connectorId").GetInt32(), alarm.GetProperty("acknowledgedAt").ValueKind == JsonValueKind.Null));
        var alarmId = alarm.GetProperty("id").GetInt64();

        using var viewer = await Server.ApiAsync(ApiRole.Viewer);
        await (await viewer.PostAsync(new Uri($"/api/alarms/{alarmId}/acknowledge", UriKind.Relative), null, TestContext.Current.CancellationToken)).ProblemAsync(403);
        using var op = await Server.ApiAsync(ApiRole.Operator);
        var acknowledged = await (await op.PostAsync(new Uri($"/api/alarms/{alarmId}/acknowledge", UriKind.Relative), null, TestContext.Current.CancellationToken)).JsonAsync(200);
        Assert.StartsWith("test-Operator (", acknowledged.GetProperty("acknowledgedBy").GetString(), StringComparison.Ordinal);
        var again = await (await Server.Api().PostAsync(new Uri($"/api/alarms/{alarmId}/acknowledge", UriKind.Relative), null, TestContext.Current.CancellationToken)).JsonAsync(200);
        Assert.Equal(acknowledged.GetProperty("acknowledgedBy").GetString(), again.GetProperty("acknowledgedBy").GetString());

        Assert.Empty(await Server.Api().ItemsAsync($"/api/alarms?stationId={id}&acknowledged=false"));
        Assert.True(Assert.Single(await viewer.ItemsAsync($"/api/alarms?stationId={id}&acknowledged=true")).GetProperty("acknowledgedAt").ValueKind == JsonValueKind.String);
        await (await op.PostAsync(new Uri("/api/alarms/987654321/acknowledge", UriKind.Relative), null, TestContext.Current.CancellationToken)).ProblemAsync(404);
        await (await op.GetPathAsync("/api/alarms?acknowledged=7")).ProblemAsync(400);
    }

    [Fact]
    public async Task The_audit_log_shows_who_sent_which_command_and_only_to_an_admin()
    {
        var id = Pages.NewId("audit");
        await using var station = await RespondingStation.StartAsync(Server, id, OcppVersion.V16);
        station.Answer("Reset", """{"status":"Rejected"}""");
        using var op = await Server.ApiAsync(ApiRole.Operator);
        await (await op.PostJsonAsync($"/api/stations/{id}/commands/reset", """{"type":"Hard"}""")).JsonAsync(200);
        await (await op.PostJsonAsync($"/api/stations/{id}/ocpp/ClearCache", "{}")).ProblemAsync(502);

        var entries = await Server.Api().WalkAsync($"/api/audit?stationId={id}", 1);
        Assert.Equal(["ocpp/ClearCache", "reset"], entries.Select(e => e.GetProperty("command").GetString()));
        var reset = entries[1];
        Assert.Equal(("Reset", "Rejected", id), (reset.GetProperty("action").GetString(), reset.GetProperty("outcome").GetString(), reset.GetProperty("stationId").GetString()));
        Assert.StartsWith("test-Operator (", reset.GetProperty("actor").GetString(), StringComparison.Ordinal);
        Assert.Contains("Hard", reset.GetProperty("request").GetString(), StringComparison.Ordinal);
        await (await op.GetPathAsync("/api/audit")).ProblemAsync(403);
    }
}

/// <summary><see cref="LogsApiTests"/> on SQLite.</summary>
public sealed class LogsApiOnSqliteTests(SharedSqliteServer shared) : LogsApiTests(shared), IClassFixture<SharedSqliteServer>;

/// <summary><see cref="LogsApiTests"/> on PostgreSQL.</summary>
public sealed class LogsApiOnPostgresTests(SharedPostgresServer shared) : LogsApiTests(shared), IClassFixture<SharedPostgresServer>;
