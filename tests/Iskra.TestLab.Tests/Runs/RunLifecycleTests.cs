using System.Text.Json;
using System.Xml.Linq;
using Iskra.Csms.Access;
using Iskra.Csms.Routing;
using Iskra.Server.Tests.Infrastructure;
using Iskra.TestLab.Runner;
using Microsoft.Extensions.DependencyInjection;

namespace Iskra.TestLab.Tests.Runs;

/// <summary>Claiming, prompts, cancel, bad input and the report formats of a run, over the real API.</summary>
public sealed class RunLifecycleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_claimed_station_refuses_operator_commands_with_409_and_a_second_run_and_is_handed_back_after_cancel()
    {
        await using var lab = await LabHarness.StartAsync("LAB-CLAIM");
        // No simulator: the run waits for a person at its first manual step.
        var started = await (await lab.Api.PostJsonAsync("/api/testlab/runs", """{"stationId":"LAB-CLAIM","declared":{"connectors":1,"featureProfiles":["Core","FirmwareManagement","LocalAuthListManagement","Reservation","SmartCharging","RemoteTrigger"]},"cases":["TC_003_CS"]}""")).JsonAsync(201);
        var runId = started.GetProperty("id").GetString()!;
        var waiting = await WaitForAsync(lab, runId, r => r.GetProperty("status").GetString() == "waiting");
        Assert.Equal("PlugIn", waiting.GetProperty("prompt").GetProperty("kind").GetString());
        Assert.Equal("Plug an EV into connector 1.", waiting.GetProperty("prompt").GetProperty("instruction").GetString());

        var command = await (await lab.Api.PostJsonAsync("/api/stations/LAB-CLAIM/commands/reset", """{"type":"Soft"}""")).ProblemAsync(409);
        Assert.Contains($"test lab run {runId}", command.GetProperty("detail").GetString());
        var second = await (await lab.Api.PostJsonAsync("/api/testlab/runs", """{"stationId":"LAB-CLAIM"}""")).ProblemAsync(409);
        Assert.Contains("claimed", second.GetProperty("detail").GetString());

        var cancelled = await (await lab.Api.PostJsonAsync($"/api/testlab/runs/{runId}/cancel", "")).JsonAsync(200);
        var over = await WaitForAsync(lab, runId, r => r.GetProperty("status").GetString() == "cancelled");
        Assert.NotNull(cancelled.GetProperty("id").GetString());
        Assert.Null(lab.Server.Services.GetRequiredService<StationClaims>().Find("LAB-CLAIM"));
        var reset = await (await lab.Api.PostJsonAsync("/api/stations/LAB-CLAIM/commands/reset", """{"type":"Soft"}""")).JsonAsync(200);
        Assert.Equal("Accepted", reset.GetProperty("status").GetString());
        Assert.Equal("pending", LabHarness.Case(over, "TC_003_CS").GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task A_prompt_answered_skip_skips_the_case_with_the_instruction_as_reason()
    {
        await using var lab = await LabHarness.StartAsync("LAB-SKIP");
        var started = await (await lab.Api.PostJsonAsync("/api/testlab/runs", $$"""{"stationId":"LAB-SKIP","declared":{{LabHarness.AllProfiles}},"cases":["TC_003_CS"]}""")).JsonAsync(201);
        var runId = started.GetProperty("id").GetString()!;
        await WaitForAsync(lab, runId, r => r.GetProperty("status").GetString() == "waiting");
        await (await lab.Api.PostJsonAsync($"/api/testlab/runs/{runId}/prompt", """{"answer":"skip"}""")).JsonAsync(200);

        var run = await lab.FinishedAsync(runId);
        var c = LabHarness.Case(run, "TC_003_CS");
        Assert.Equal("skipped", c.GetProperty("verdict").GetString());
        Assert.Equal("skipped at the manual step: Plug an EV into connector 1.", c.GetProperty("reason").GetString());
        Assert.False(run.GetProperty("readyForIntegration").GetBoolean());
        await (await lab.Api.PostJsonAsync($"/api/testlab/runs/{runId}/prompt", """{"answer":"done"}""")).ProblemAsync(409);
    }

    [Fact]
    public async Task Bad_requests_get_problems_that_name_the_field_and_no_run_claims_the_station()
    {
        await using var lab = await LabHarness.StartAsync("LAB-BAD");
        Assert.Contains("typo", (await (await lab.Api.PostJsonAsync("/api/testlab/runs", """{"stationId":"LAB-BAD","typo":1}""")).ProblemAsync(400)).GetProperty("detail").GetString());
        Assert.Contains("conectors", (await (await lab.Api.PostJsonAsync("/api/testlab/runs", """{"stationId":"LAB-BAD","declared":{"conectors":2}}""")).ProblemAsync(400)).GetProperty("detail").GetString());
        Assert.Contains("loopback", (await (await lab.Api.PostJsonAsync("/api/testlab/runs", """{"stationId":"LAB-BAD","simulatorControlUrl":"http://169.254.169.254/"}""")).ProblemAsync(400)).GetProperty("detail").GetString());
        Assert.Contains("loopback", (await (await lab.Api.PostJsonAsync("/api/testlab/runs", """{"stationId":"LAB-BAD","simulatorControlUrl":"http://example.com/"}""")).ProblemAsync(400)).GetProperty("detail").GetString());
        Assert.Contains("TC_999_CS", (await (await lab.Api.PostJsonAsync("/api/testlab/runs", """{"stationId":"LAB-BAD","cases":["TC_999_CS"]}""")).ProblemAsync(400)).GetProperty("detail").GetString());
        await (await lab.Api.PostJsonAsync("/api/testlab/runs", """{"stationId":"NO-SUCH"}""")).ProblemAsync(404);
        await (await lab.Api.PostJsonAsync("/api/testlab/runs", """{"stationId":"LAB-BAD","suite":"ocpp2.0.1"}""")).ProblemAsync(422);
        await (await lab.Api.GetAsync("/api/testlab/runs/nope", Ct)).ProblemAsync(404);
        Assert.Null(lab.Server.Services.GetRequiredService<StationClaims>().Find("LAB-BAD"));
        var viewer = await lab.Server.ApiAsync(ApiRole.Viewer);
        Assert.Equal(403, (int)(await viewer.PostJsonAsync("/api/testlab/runs", """{"stationId":"LAB-BAD"}""")).StatusCode);
    }

    [Fact]
    public async Task The_report_comes_as_html_json_and_junit_by_accept_or_format_and_the_cli_exits_by_readiness()
    {
        await using var lab = await LabHarness.StartAsync("LAB-REPORT");
        var junit = Path.Combine(Path.GetTempPath(), $"lab-{Guid.NewGuid():N}.xml");
        var output = new StringWriter();
        var exit = await Iskra.LabClient.LabCommand.RunAsync(
            ["--server", lab.Server.BaseUri.ToString(), "--key", ApiClient.AdminKey, "--station", "LAB-REPORT", "--simulator", lab.Control.BaseUri.ToString(), "--case", "TC_003_CS", "--case", "TC_023_CS", "--junit", junit],
            new StringReader(string.Empty), output, new StringWriter(), Ct);

        Assert.Equal(1, exit); // two cases are not every Core case: not ready
        Assert.Contains("NOT READY for integration", output.ToString());
        var xml = XDocument.Load(junit);
        File.Delete(junit);
        var cases = xml.Descendants("testcase").ToList();
        Assert.Contains(cases, c => c.Attribute("name")!.Value.StartsWith("TC_003_CS", StringComparison.Ordinal) && !c.Elements().Any());
        Assert.Contains(cases, c => c.Attribute("name")!.Value.StartsWith("TC_001_CS", StringComparison.Ordinal) && c.Element("skipped") is not null);

        var runs = await (await lab.Api.GetAsync("/api/testlab/runs?stationId=LAB-REPORT", Ct)).JsonAsync(200);
        var runId = runs[0].GetProperty("id").GetString()!;
        using var html = new HttpRequestMessage(HttpMethod.Get, $"/api/testlab/runs/{runId}/report");
        html.Headers.Accept.ParseAdd("text/html");
        var page = await (await lab.Api.SendAsync(html, Ct)).Content.ReadAsStringAsync(Ct);
        Assert.StartsWith("<!DOCTYPE html>", page);
        Assert.Contains("TC_003_CS", page);
        var json = await (await lab.Api.GetAsync($"/api/testlab/runs/{runId}/report?format=json", Ct)).JsonAsync(200);
        Assert.Equal("passed", LabHarness.Case(json, "TC_003_CS").GetProperty("verdict").GetString());
        using var xmlRequest = new HttpRequestMessage(HttpMethod.Get, $"/api/testlab/runs/{runId}/report");
        xmlRequest.Headers.Accept.ParseAdd("application/junit+xml");
        var response = await lab.Api.SendAsync(xmlRequest, Ct);
        Assert.Equal("application/junit+xml", response.Content.Headers.ContentType!.MediaType);
        using var bad = new HttpRequestMessage(HttpMethod.Get, $"/api/testlab/runs/{runId}/report");
        bad.Headers.Accept.ParseAdd("image/png");
        Assert.Equal(406, (int)(await lab.Api.SendAsync(bad, Ct)).StatusCode);
        var frames = await (await lab.Api.GetAsync($"/api/testlab/runs/{runId}/frames", Ct)).JsonAsync(200);
        Assert.Contains(frames.EnumerateArray(), f => f.GetProperty("frame").GetString()!.Contains("\"StartTransaction\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_run_cut_by_a_server_stop_is_stored_as_interrupted_and_the_claim_is_gone()
    {
        await using var lab = await LabHarness.StartAsync("LAB-STOP");
        var started = await (await lab.Api.PostJsonAsync("/api/testlab/runs", """{"stationId":"LAB-STOP","cases":["TC_003_CS"]}""")).JsonAsync(201);
        var runId = started.GetProperty("id").GetString()!;
        await WaitForAsync(lab, runId, r => r.GetProperty("status").GetString() == "waiting");
        var runs = lab.Server.Services.GetRequiredService<LabRuns>();
        var claims = lab.Server.Services.GetRequiredService<StationClaims>();

        await lab.Server.StopAsync();

        Assert.Null(claims.Find("LAB-STOP"));
        var stored = await runs.FindAsync(runId, Ct);
        Assert.Equal("interrupted", stored!.Status);
    }

    private static async Task<JsonElement> WaitForAsync(LabHarness lab, string runId, Func<JsonElement, bool> condition)
    {
        for (var i = 0; ; i++)
        {
            var run = await (await lab.Api.GetAsync($"/api/testlab/runs/{runId}", Ct)).JsonAsync(200);
            if (condition(run))
            {
                return run;
            }

            Assert.True(i < 200, $"run {runId}: {run}");
            await Task.Delay(100, Ct);
        }
    }
}
