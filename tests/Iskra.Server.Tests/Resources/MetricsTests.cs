using System.Globalization;
using Iskra.Csms.Access;
using Iskra.Ocpp;
using Iskra.Ocpp.Rpc;
using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Resources;

/// <summary><c>GET /metrics</c> (Prometheus text) after real traffic, and <c>GET /health</c>.</summary>
public sealed class MetricsTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Metrics_count_the_traffic_by_action_and_time_our_calls_and_the_database(string provider)
    {
        await using var server = await IskraServer.StartAsync(await TestDatabase.CreateAsync(provider));
        await server.IdTagAsync("M-TAG");
        await using var v16 = await RespondingStation.StartAsync(server, "M-16", OcppVersion.V16);
        await using var v201 = await RespondingStation.StartAsync(server, "M-201", OcppVersion.V201);
        v16.Answer("Reset", """{"status":"Accepted"}""").AnswerError("ClearCache", OcppErrorCode.NotSupported, "no cache");
        await v16.CallAsync("StartTransaction", """{"connectorId":1,"idTag":"M-TAG","meterStart":0,"timestamp":"2026-11-23T10:00:00Z"}""");
        await v201.CallAsync("Heartbeat", "{}");
        await v201.CallAsync("Heartbeat", "{}");
        await (await server.Api().PostJsonAsync("/api/stations/M-16/commands/reset", """{"type":"Soft"}""")).JsonAsync(200);
        await (await server.Api().PostJsonAsync("/api/stations/M-16/ocpp/ClearCache", "{}")).ProblemAsync(502);

        await (await server.Api(null).GetPathAsync("/metrics")).ProblemAsync(401);
        using var viewer = await server.ApiAsync(ApiRole.Viewer);
        var response = await viewer.GetPathAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());

        Assert.Equal(1, Value(text, """iskra_ocpp_messages_total{direction="in",version="1.6",type="Call",action="BootNotification"}"""));
        Assert.Equal(1, Value(text, """iskra_ocpp_messages_total{direction="out",version="1.6",type="CallResult",action="StartTransaction"}"""));
        Assert.Equal(2, Value(text, """iskra_ocpp_messages_total{direction="in",version="2.0.1",type="Call",action="Heartbeat"}"""));
        Assert.Equal(2, Value(text, """iskra_ocpp_messages_total{direction="out",version="2.0.1",type="CallResult",action="Heartbeat"}"""));
        Assert.Equal(1, Value(text, """iskra_ocpp_messages_total{direction="out",version="1.6",type="Call",action="Reset"}"""));
        Assert.Equal(1, Value(text, """iskra_ocpp_messages_total{direction="in",version="1.6",type="CallResult",action="Reset"}"""));
        Assert.Equal(1, Value(text, """iskra_ocpp_messages_total{direction="in",version="1.6",type="CallError",action="ClearCache"}"""));
        Assert.Equal(1, Value(text, """iskra_ocpp_call_errors_total{code="NotSupported",direction="in",version="1.6"}"""));
        Assert.Equal(1, Value(text, """iskra_ocpp_call_duration_seconds_count{action="Reset",version="1.6"}"""));
        Assert.Equal(1, Value(text, """iskra_ocpp_call_duration_seconds_bucket{action="Reset",version="1.6",le="+Inf"}"""));
        Assert.Equal(2, Value(text, "iskra_stations_connected"));
        Assert.Equal(1, Value(text, "iskra_transactions_active"));
        Assert.Equal(0, Value(text, "iskra_storage_dropped_total"));
        Assert.True(Value(text, "iskra_storage_commit_duration_seconds_count") >= 4);
        Assert.Contains("# TYPE iskra_ocpp_call_duration_seconds histogram", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE iskra_ocpp_messages_total counter", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE iskra_stations_connected gauge", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unparsable_frames_and_unknown_actions_are_counted_without_new_series()
    {
        await using var server = await IskraServer.StartAsync(await TestDatabase.CreateAsync("sqlite"));
        await server.StationAsync("M-BAD");
        await using var station = await TestStation.ConnectAsync(server, "M-BAD", OcppVersion.V16, Seed.Password);
        await station.SendRawAsync("not json at all");
        await station.CallExpectingErrorAsync("NoSuchAction" + new string('x', 100), "{}");
        await station.CallExpectingErrorAsync("AlsoMissing", "{}");

        var text = await (await server.Api().GetPathAsync("/metrics")).Content.ReadAsStringAsync(Ct);
        Assert.Equal(1, Value(text, """iskra_ocpp_messages_total{direction="in",version="1.6",type="Invalid",action="unknown"}"""));
        Assert.Equal(2, Value(text, """iskra_ocpp_messages_total{direction="in",version="1.6",type="Call",action="unknown"}"""));
        Assert.Equal(3, Value(text, """iskra_ocpp_messages_total{direction="out",version="1.6",type="CallError",action="unknown"}""")); // two actions and the frame
        Assert.Equal(1, Value(text, """iskra_ocpp_call_errors_total{code="ProtocolError",direction="out",version="1.6"}"""));
        Assert.Equal(2, Value(text, """iskra_ocpp_call_errors_total{code="NotImplemented",direction="out",version="1.6"}"""));
        Assert.DoesNotContain("AlsoMissing", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Health_needs_no_key_and_metrics_need_none_when_configured_anonymous(string provider)
    {
        await using var server = await IskraServer.StartAsync(await TestDatabase.CreateAsync(provider), new Dictionary<string, string?> { ["Metrics:Anonymous"] = "true" });
        var health = await (await server.Api(null).GetPathAsync("/health")).JsonAsync(200);
        Assert.Equal(("Healthy", true, 0), (health.GetProperty("status").GetString(), health.GetProperty("database").GetBoolean(), health.GetProperty("connectedStations").GetInt32()));
        var metrics = await server.Api(null).GetPathAsync("/metrics");
        Assert.Equal(200, (int)metrics.StatusCode);
        Assert.Equal(0, Value(await metrics.Content.ReadAsStringAsync(Ct), "iskra_stations_connected"));
        var openApi = await (await server.Api(null).GetPathAsync("/openapi/v1.json")).JsonAsync(200);
        foreach (var path in new[] { "/api/stations", "/api/stations/{id}", "/api/id-tags/{idTag}", "/api/transactions/{id}", "/api/alarms/{alarmId}/acknowledge", "/api/audit", "/api/connection-attempts", "/api/stations/{id}/messages", "/metrics", "/health" })
        {
            Assert.True(openApi.GetProperty("paths").TryGetProperty(path, out _), $"{path} is not in the OpenAPI document");
        }
    }

    /// <summary>The value of the one sample named exactly <paramref name="series"/> (name and labels).</summary>
    private static double Value(string text, string series)
    {
        var line = text.Split('\n').SingleOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal));
        Assert.True(line is not null, $"no sample {series} in:\n{text}");
        return double.Parse(line[(series.Length + 1)..], CultureInfo.InvariantCulture);
    }
}
