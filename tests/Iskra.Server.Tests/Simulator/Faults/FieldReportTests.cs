using System.Net.Http.Headers;
using System.Text.Json;
using System.Xml.Linq;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Simulator.Faults;

namespace Iskra.Server.Tests.Simulator.Faults;

/// <summary>
/// The passive findings of field traffic in the lab's report format (HTML, JSON, JUnit XML), per station and
/// per model, from real simulated stations with faults against the real Iskra.
/// </summary>
public sealed class FieldReportTests(PassiveServer fixture) : IClassFixture<PassiveServer>
{
    private const string ZoneCheck = "passive/timestamp-without-zone";
    private const string DriftCheck = "passive/clock-drift";

    private IskraServer Server => fixture.Server;

    [Fact]
    public async Task A_station_report_fails_the_check_that_found_something_with_its_finding_and_passes_the_others()
    {
        const string id = "field-zone";
        await using var station = await FaultyStations.StartAsync(Server, id, OcppVersion.V16, [StationFault.TimestampsWithoutZone], o => o with { Model = "FieldZone" });
        var stored = await Findings.WaitForAsync(Server, id, ZoneCheck);

        var report = await ReportAsync($"/api/stations/{id}/findings/report?format=json");

        Assert.Equal("field", report.Text("kind"));
        Assert.Equal("failed", report.Text("status"));
        Assert.Equal(id, report.Text("stationId"));
        Assert.Equal("FieldZone", report.GetProperty("station").Text("model"));
        Assert.False(report.GetProperty("readyForIntegration").GetBoolean());
        var cases = report.GetProperty("cases").EnumerateArray().ToList();
        Assert.Equal(12, cases.Count);
        var failed = Assert.Single(cases, c => c.Text("verdict") == "failed");
        Assert.Equal(ZoneCheck, failed.Text("id"));
        Assert.Equal("Clock", failed.Text("profile"));
        var finding = Assert.Single(failed.GetProperty("findings").EnumerateArray());
        Assert.Equal(stored.Text("requirement"), finding.Text("requirement"));
        Assert.Equal(stored.Text("fix"), finding.Text("fix"));
        Assert.StartsWith(stored.Text("observed") + " (seen ", finding.Text("observed"), StringComparison.Ordinal);
        Assert.Contains("StatusNotification", finding.GetProperty("frames")[0].Text("frame"), StringComparison.Ordinal);
        Assert.Equal("station", finding.GetProperty("frames")[0].Text("from"));
        Assert.All(cases.Where(c => c.Text("id") != ZoneCheck), c => Assert.Equal("passed", c.Text("verdict")));
        Assert.Equal(1, report.GetProperty("summary").GetProperty("failed").GetInt32());
    }

    [Fact]
    public async Task The_same_report_is_HTML_for_people_and_JUnit_XML_for_CI_by_Accept()
    {
        const string id = "field-formats";
        await using var station = await FaultyStations.StartAsync(Server, id, OcppVersion.V16, [StationFault.TimestampsWithoutZone], o => o with { Model = "FieldFormats" });
        await Findings.WaitForAsync(Server, id, ZoneCheck);
        using var api = Server.Api();

        using var html = new HttpRequestMessage(HttpMethod.Get, $"/api/stations/{id}/findings/report");
        html.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        using var htmlResponse = await api.SendAsync(html, TestContext.Current.CancellationToken);
        Assert.Equal("text/html", htmlResponse.Content.Headers.ContentType?.MediaType);
        var page = await htmlResponse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("<h1>Field report: Iskra FieldFormats</h1>", page, StringComparison.Ordinal);
        Assert.Contains("Findings to fix", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"#{ZoneCheck}\">{ZoneCheck}</a>", page, StringComparison.Ordinal);
        Assert.Contains($"<div id=\"{ZoneCheck}\">", page, StringComparison.Ordinal);

        using var junit = new HttpRequestMessage(HttpMethod.Get, $"/api/stations/{id}/findings/report");
        junit.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/junit+xml"));
        using var junitResponse = await api.SendAsync(junit, TestContext.Current.CancellationToken);
        var xml = XDocument.Parse(await junitResponse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal($"Iskra field report — {id}", xml.Root!.Attribute("name")!.Value);
        Assert.Equal("1", xml.Root.Attribute("failures")!.Value);
        var failure = Assert.Single(xml.Descendants("failure"));
        Assert.StartsWith(ZoneCheck, failure.Parent!.Attribute("name")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_model_report_gathers_the_findings_of_its_stations_each_named()
    {
        await using var zone = await FaultyStations.StartAsync(Server, "field-model-a", OcppVersion.V16, [StationFault.TimestampsWithoutZone], o => o with { Model = "FieldModel" });
        await using var drift = await FaultyStations.StartAsync(Server, "field-model-b", OcppVersion.V16, [StationFault.DriftingClock], o => o with { Model = "FieldModel" });
        await Findings.WaitForAsync(Server, "field-model-a", ZoneCheck);
        await Findings.WaitForAsync(Server, "field-model-b", DriftCheck);

        var report = await ReportAsync("/api/findings/report?vendor=Iskra&model=FieldModel&format=json");

        Assert.Equal("2 stations of the model", report.Text("stationId"));
        var failed = report.GetProperty("cases").EnumerateArray().Where(c => c.Text("verdict") == "failed").ToDictionary(c => c.Text("id"));
        Assert.Equal([DriftCheck, ZoneCheck], failed.Keys.Order(StringComparer.Ordinal));
        Assert.StartsWith("station field-model-a: StatusNotification.timestamp has no zone", Assert.Single(failed[ZoneCheck].GetProperty("findings").EnumerateArray()).Text("observed"), StringComparison.Ordinal);
        Assert.StartsWith("station field-model-b: ", Assert.Single(failed[DriftCheck].GetProperty("findings").EnumerateArray()).Text("observed"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_station_without_faults_has_a_report_with_nothing_to_fix()
    {
        const string id = "field-clean";
        await using var station = await FaultyStations.StartAsync(Server, id, OcppVersion.V16, [], o => o with { Model = "FieldClean" });

        var report = await ReportAsync($"/api/stations/{id}/findings/report?format=json");

        Assert.Equal("passed", report.Text("status"));
        Assert.True(report.GetProperty("readyForIntegration").GetBoolean());
        Assert.Equal(0, report.GetProperty("summary").GetProperty("failed").GetInt32());
        Assert.Equal(12, report.GetProperty("summary").GetProperty("passed").GetInt32());
    }

    [Fact]
    public async Task Bad_report_requests_get_problems()
    {
        using var api = Server.Api();
        var ct = TestContext.Current.CancellationToken;

        var unknown = await (await api.GetAsync("/api/stations/no-such-station/findings/report", ct)).JsonAsync(404);
        Assert.Equal("Unknown station", unknown.Text("title"));
        var noModel = await (await api.GetAsync("/api/findings/report?vendor=Iskra", ct)).JsonAsync(400);
        Assert.Contains("vendor and model are both required", noModel.Text("detail"), StringComparison.Ordinal);
        await Server.StationAsync("field-format");
        await (await api.GetAsync("/api/stations/field-format/findings/report?format=pdf", ct)).JsonAsync(406);
    }

    private async Task<JsonElement> ReportAsync(string path)
    {
        using var api = Server.Api();
        return await (await api.GetAsync(path, TestContext.Current.CancellationToken)).JsonAsync(200);
    }
}
