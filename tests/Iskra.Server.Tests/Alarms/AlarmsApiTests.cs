using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Iskra.Csms.Access;
using Iskra.Csms.Alarms;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Server.Tests.Resources;

namespace Iskra.Server.Tests.Alarms;

/// <summary><c>/api/alarms</c> and maintenance windows on both databases: filters, acknowledgement, notes, silencing, and the frames link.</summary>
public sealed class AlarmsApiTests(AlarmSqliteServer sqlite, AlarmPostgresServer postgres) : AlarmTests(sqlite, postgres)
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_list_filters_by_kind_severity_open_acknowledged_and_period_and_refuses_unknown_names(string provider)
    {
        var server = On(provider);
        var (id, station) = await StationMessageAlarmTests.BootedAsync(server, OcppVersion.V16);
        await using var _ = station;
        await station.CallAsync("StatusNotification", $$"""{"connectorId":1,"status":"Faulted","errorCode":"GroundFailure","timestamp":"{{Stamp(TimeSpan.FromSeconds(-2))}}"}""");
        await station.CallAsync("SecurityEventNotification", $$"""{"type":"TamperDetectionActivated","timestamp":"{{Stamp(TimeSpan.Zero)}}"}""");
        var fault = await WaitForOpenAsync(server, id, AlarmKinds.ConnectorFaulted);
        var tamper = await WaitForOpenAsync(server, id, AlarmKinds.SecurityEvent);
        var api = server.Api();
        var all = $"/api/alarms?stationId={id}";

        Assert.Equal([tamper.GetProperty("id").GetInt64(), fault.GetProperty("id").GetInt64()], Ids(await api.ItemsAsync(all)));
        Assert.Equal([tamper.GetProperty("id").GetInt64()], Ids(await api.ItemsAsync(all + "&kind=SecurityEvent")));
        Assert.Equal([fault.GetProperty("id").GetInt64()], Ids(await api.ItemsAsync(all + "&severity=major")));
        Assert.Equal(2, (await api.ItemsAsync(all + "&open=true")).Length);
        Assert.Empty(await api.ItemsAsync(all + "&open=false"));

        await station.CallAsync("StatusNotification", $$"""{"connectorId":1,"status":"Available","errorCode":"NoError","timestamp":"{{Stamp(TimeSpan.FromSeconds(-1))}}"}""");
        await WaitForClearedAsync(server, id, AlarmKinds.ConnectorFaulted);
        Assert.Equal([fault.GetProperty("id").GetInt64()], Ids(await api.ItemsAsync(all + "&open=false")));
        Assert.Equal([tamper.GetProperty("id").GetInt64()], Ids(await api.ItemsAsync(all + "&open=true")));

        Assert.Empty(await api.ItemsAsync(all + "&acknowledged=true"));
        (await api.PostAsync(new Uri($"/api/alarms/{tamper.GetProperty("id").GetInt64()}/acknowledge", UriKind.Relative), null, Ct)).EnsureSuccessStatusCode();
        Assert.Equal([tamper.GetProperty("id").GetInt64()], Ids(await api.ItemsAsync(all + "&acknowledged=true")));
        Assert.Equal([fault.GetProperty("id").GetInt64()], Ids(await api.ItemsAsync(all + "&acknowledged=false")));

        var opened = fault.GetProperty("openedAt").GetDateTimeOffset();
        Assert.Equal(2, (await api.ItemsAsync(all + "&from=" + Iso(opened.AddMinutes(-1)) + "&to=" + Iso(opened.AddMinutes(1)))).Length);
        Assert.Empty(await api.ItemsAsync(all + "&from=" + Iso(opened.AddMinutes(1))));
        Assert.Empty(await api.ItemsAsync(all + "&to=" + Iso(opened.AddMinutes(-1))));

        Assert.Contains("from", (await (await api.GetPathAsync(all + "&from=" + Iso(opened) + "&to=" + Iso(opened.AddMinutes(-1)))).ProblemAsync(400)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("kind", (await (await api.GetPathAsync("/api/alarms?kind=Nonsense")).ProblemAsync(400)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("severity", (await (await api.GetPathAsync("/api/alarms?severity=Apocalyptic")).ProblemAsync(400)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        await (await api.GetPathAsync("/api/alarms/999999999")).ProblemAsync(404);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_operator_acknowledges_with_a_note_and_changes_the_note_a_viewer_may_only_read(string provider)
    {
        var server = On(provider);
        var (id, station) = await StationMessageAlarmTests.BootedAsync(server, OcppVersion.V201);
        await using var _ = station;
        await station.CallAsync("SecurityEventNotification", $$"""{"type":"TamperDetectionActivated","timestamp":"{{Stamp(TimeSpan.Zero)}}"}""");
        var alarmId = (await WaitForOpenAsync(server, id, AlarmKinds.SecurityEvent)).GetProperty("id").GetInt64();
        var viewer = await server.ApiAsync(ApiRole.Viewer);
        var operatorApi = await server.ApiAsync(ApiRole.Operator);

        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostJsonAsync($"/api/alarms/{alarmId}/acknowledge", """{"note":"mine"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PutAsJsonAsync($"/api/alarms/{alarmId}/note", new { note = "mine" }, Ct)).StatusCode);
        Assert.Equal(JsonValueKind.Null, (await (await viewer.GetPathAsync($"/api/alarms/{alarmId}")).JsonAsync(200)).GetProperty("acknowledgedAt").ValueKind);

        var acknowledged = await (await operatorApi.PostJsonAsync($"/api/alarms/{alarmId}/acknowledge", """{"note":"technician sent"}""")).JsonAsync(200);
        Assert.Equal("technician sent", acknowledged.GetProperty("note").GetString());
        Assert.False(string.IsNullOrEmpty(acknowledged.GetProperty("acknowledgedBy").GetString()));
        var at = acknowledged.GetProperty("acknowledgedAt").GetDateTimeOffset();

        // A second acknowledgement keeps the first one's time and person.
        var again = await (await operatorApi.PostJsonAsync($"/api/alarms/{alarmId}/acknowledge", "{}")).JsonAsync(200);
        Assert.Equal(at, again.GetProperty("acknowledgedAt").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1)); // as stored: to the microsecond or 100 ns

        var noted = await (await operatorApi.PutAsJsonAsync($"/api/alarms/{alarmId}/note", new { note = "door lock replaced" }, Ct)).JsonAsync(200);
        Assert.Equal("door lock replaced", noted.GetProperty("note").GetString());
        Assert.Equal("door lock replaced", (await (await viewer.GetPathAsync($"/api/alarms/{alarmId}")).JsonAsync(200)).GetProperty("note").GetString());
        await (await operatorApi.PutAsJsonAsync($"/api/alarms/{alarmId}/note", new { text = "x" }, Ct)).ProblemAsync(400);
        await (await operatorApi.PostJsonAsync("/api/alarms/999999999/acknowledge", "{}")).ProblemAsync(404);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_alarm_opening_inside_a_maintenance_window_is_silenced_and_the_windows_are_listed_and_closed(string provider)
    {
        var server = On(provider);
        var (id, station) = await StationMessageAlarmTests.BootedAsync(server, OcppVersion.V16);
        await using var _ = station;
        var api = server.Api();
        var windows = $"/api/stations/{id}/maintenance-windows";

        var created = await (await api.PostJsonAsync(windows, $$"""{"until":"{{Stamp(TimeSpan.FromHours(1))}}","reason":"RCD swap"}""")).JsonAsync(201);
        var windowId = created.GetProperty("id").GetInt64();
        Assert.Equal("RCD swap", created.GetProperty("reason").GetString());
        Assert.Equal([windowId], (await api.ItemsAsync(windows)).Select(w => w.GetProperty("id").GetInt64()));

        await station.CallAsync("StatusNotification", $$"""{"connectorId":1,"status":"Faulted","errorCode":"GroundFailure","timestamp":"{{Stamp(TimeSpan.FromSeconds(-2))}}"}""");
        Assert.True((await WaitForOpenAsync(server, id, AlarmKinds.ConnectorFaulted)).GetProperty("silenced").GetBoolean());

        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync(new Uri($"{windows}/{windowId}", UriKind.Relative), Ct)).StatusCode);
        Assert.Empty(await api.ItemsAsync(windows));
        await (await api.DeleteAsync(new Uri($"{windows}/{windowId}", UriKind.Relative), Ct)).ProblemAsync(404);

        // Outside any window an alarm is not silenced.
        await station.CallAsync("SecurityEventNotification", $$"""{"type":"TamperDetectionActivated","timestamp":"{{Stamp(TimeSpan.Zero)}}"}""");
        Assert.False((await WaitForOpenAsync(server, id, AlarmKinds.SecurityEvent)).GetProperty("silenced").GetBoolean());

        Assert.Contains("until", (await (await api.PostJsonAsync(windows, $$"""{"until":"{{Stamp(TimeSpan.FromHours(-1))}}"}""")).ProblemAsync(400)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        await (await api.PostJsonAsync(windows, "{}")).ProblemAsync(400);
        await (await api.PostJsonAsync($"/api/stations/{Pages.NewId("NONE")}/maintenance-windows", $$"""{"until":"{{Stamp(TimeSpan.FromHours(1))}}"}""")).ProblemAsync(404);
        await (await api.GetPathAsync($"/api/stations/{Pages.NewId("NONE")}/maintenance-windows")).ProblemAsync(404);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await server.ApiAsync(ApiRole.Viewer)).PostJsonAsync(windows, $$"""{"until":"{{Stamp(TimeSpan.FromHours(1))}}"}""")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_frames_link_of_an_alarm_reads_the_frames_that_raised_it_and_the_traffic_log_checks_its_period(string provider)
    {
        var server = On(provider);
        var (id, station) = await StationMessageAlarmTests.BootedAsync(server, OcppVersion.V16);
        await using var _ = station;
        await station.CallAsync("StatusNotification", $$"""{"connectorId":2,"status":"Faulted","errorCode":"HighTemperature","timestamp":"{{Stamp(TimeSpan.FromSeconds(-1))}}"}""");
        var alarm = await WaitForOpenAsync(server, id, AlarmKinds.ConnectorFaulted);
        var api = server.Api();

        var frames = await WaitForFramesAsync(api, alarm.GetProperty("frames").GetString()!);
        Assert.Contains(frames, f => f.GetProperty("action").GetString() == "StatusNotification" && f.GetProperty("frame").GetString()!.Contains("HighTemperature", StringComparison.Ordinal));
        var opened = alarm.GetProperty("openedAt").GetDateTimeOffset();
        Assert.All(frames, f => Assert.InRange(f.GetProperty("timestamp").GetDateTimeOffset(), opened.AddMinutes(-1).AddSeconds(-1), alarm.GetProperty("lastSeenAt").GetDateTimeOffset().AddSeconds(1)));

        Assert.Empty(await api.ItemsAsync($"/api/stations/{id}/messages?from={Iso(opened.AddHours(1))}"));
        Assert.Empty(await api.ItemsAsync($"/api/stations/{id}/messages?to={Iso(opened.AddHours(-1))}"));
        Assert.Contains("from", (await (await api.GetPathAsync($"/api/stations/{id}/messages?from={Iso(opened)}&to={Iso(opened.AddSeconds(-1))}")).ProblemAsync(400)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    /// <summary>The traffic log is written in batches: waits until the link reads the frames.</summary>
    private static async Task<JsonElement[]> WaitForFramesAsync(HttpClient api, string link)
    {
        for (var i = 0; ; i++)
        {
            var frames = await api.ItemsAsync(link);
            if (frames.Any(f => f.GetProperty("action").GetString() == "StatusNotification") || i == 100)
            {
                return frames;
            }

            await Task.Delay(100, Ct);
        }
    }

    private static long[] Ids(JsonElement[] alarms) => [.. alarms.Select(a => a.GetProperty("id").GetInt64())];

    private static string Iso(DateTimeOffset at) => Uri.EscapeDataString(at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
}
