using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Iskra.Csms.Access;
using Iskra.Csms.Integration;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Server.Tests.Resources;
using Microsoft.Extensions.DependencyInjection;

namespace Iskra.Server.Tests.Integration;

/// <summary><c>/api/catalog</c>: the catalog of integrated models over real HTTP (viewer reads, operator writes, admin deletes).</summary>
public sealed class CatalogApiTests(SharedSqliteServer shared) : IClassFixture<SharedSqliteServer>
{
    private IskraServer Server => shared.Server;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_operator_adds_a_model_with_quirks_and_everyone_reads_it_back()
    {
        using var operatorApi = await Server.ApiAsync(ApiRole.Operator);
        using var viewerApi = await Server.ApiAsync(ApiRole.Viewer);
        var vendor = Pages.NewId("V");

        var response = await operatorApi.PostJsonAsync("/api/catalog/models", $$"""{"vendor":" {{vendor}} ","model":"X1","status":"integrated","quirks":["Sends meter values in kWh"]}""");

        var created = await response.JsonAsync(201);
        var id = created.GetProperty("id").GetInt64();
        Assert.Equal($"/api/catalog/models/{id}", response.Headers.Location?.OriginalString);
        var model = await (await viewerApi.GetPathAsync($"/api/catalog/models/{id}")).JsonAsync(200);
        Assert.Equal((vendor, "X1", "integrated"), (model.GetProperty("vendor").GetString(), model.GetProperty("model").GetString(), model.GetProperty("status").GetString()));
        var quirk = Assert.Single(model.GetProperty("quirks").EnumerateArray());
        Assert.Equal("Sends meter values in kWh", quirk.GetProperty("text").GetString());
        Assert.StartsWith("test-Operator (", quirk.GetProperty("author").GetString(), StringComparison.Ordinal);
        Assert.Empty(model.GetProperty("runs").EnumerateArray());

        var listed = await viewerApi.ItemsAsync($"/api/catalog/models?status=integrated&vendor={vendor.ToLowerInvariant()}");
        Assert.Equal([id], listed.Select(m => m.GetProperty("id").GetInt64()));
        Assert.Empty(await viewerApi.ItemsAsync($"/api/catalog/models?status=testing&vendor={vendor}"));
    }

    [Fact]
    public async Task Patch_sets_the_status_and_adds_a_quirk_note_after_the_earlier_ones()
    {
        var id = await CreateAsync(Pages.NewId("V"), "X1");
        using var operatorApi = await Server.ApiAsync(ApiRole.Operator);

        await (await PatchAsync(operatorApi, id, """{"quirk":"Reboots on ChangeConfiguration of HeartbeatInterval"}""")).JsonAsync(200);
        var model = await (await PatchAsync(operatorApi, id, """{"status":"refused","quirk":"Loses transactions after a power cut"}""")).JsonAsync(200);

        Assert.Equal("refused", model.GetProperty("status").GetString());
        Assert.Equal(
            ["Reboots on ChangeConfiguration of HeartbeatInterval", "Loses transactions after a power cut"],
            model.GetProperty("quirks").EnumerateArray().Select(q => q.GetProperty("text").GetString()));
        var audit = await Server.Api().ItemsAsync("/api/audit?limit=500");
        Assert.Contains(audit, a => a.GetProperty("command").GetString() == AdminActions.CatalogModelUpdated && a.GetProperty("target").GetString() == id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_viewer_cannot_write_an_operator_cannot_delete_and_an_admin_deletes()
    {
        var id = await CreateAsync(Pages.NewId("V"), "X1");
        using var viewerApi = await Server.ApiAsync(ApiRole.Viewer);
        using var operatorApi = await Server.ApiAsync(ApiRole.Operator);

        Assert.Equal(403, (int)(await viewerApi.PostJsonAsync("/api/catalog/models", """{"vendor":"A","model":"B"}""")).StatusCode);
        Assert.Equal(403, (int)(await PatchAsync(viewerApi, id, """{"status":"integrated"}""")).StatusCode);
        Assert.Equal(403, (int)(await operatorApi.DeleteAsync(new Uri($"/api/catalog/models/{id}", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(204, (int)(await Server.Api().DeleteAsync(new Uri($"/api/catalog/models/{id}", UriKind.Relative), Ct)).StatusCode);

        await (await viewerApi.GetPathAsync($"/api/catalog/models/{id}")).ProblemAsync(404);
        await (await Server.Api().DeleteAsync(new Uri($"/api/catalog/models/{id}", UriKind.Relative), Ct)).ProblemAsync(404);
    }

    [Theory]
    [InlineData("""{"model":"X1"}""", "vendor is required.")]
    [InlineData("""{"vendor":"   ","model":"X1"}""", "vendor must not be blank.")]
    [InlineData("""{"vendor":"A","model":"X1","status":"Integrated"}""", "status must be one of testing, integrated, refused.")]
    [InlineData("""{"vendor":"A","model":"X1","quirks":"one"}""", "quirks must be an array of at most 20 strings.")]
    [InlineData("""{"vendor":"A","model":"012345678901234567890123456789012345678901234567890"}""", "model must be 1 to 50 characters long.")]
    [InlineData("""{"vendor":"A","model":"X1","firmware":"1.0"}""", "Unknown field 'firmware'; expected: vendor, model, status, quirks.")]
    public async Task A_bad_new_model_is_a_400_problem_that_names_the_field(string body, string detail)
    {
        var problem = await (await Server.Api().PostJsonAsync("/api/catalog/models", body)).ProblemAsync(400);

        Assert.Equal(detail, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_model_already_in_the_catalog_under_another_case_is_a_409()
    {
        var vendor = Pages.NewId("V");
        await CreateAsync(vendor, "X1");

        var problem = await (await Server.Api().PostJsonAsync("/api/catalog/models", $$"""{"vendor":"{{vendor.ToLowerInvariant()}}","model":" x1 "}""")).ProblemAsync(409);

        Assert.Contains("already has", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_patches_and_filters_are_400_problems_that_name_the_field()
    {
        var id = await CreateAsync(Pages.NewId("V"), "X1");

        var status = await (await PatchAsync(Server.Api(), id, """{"status":"gone"}""")).ProblemAsync(400);
        var unknown = await (await PatchAsync(Server.Api(), id, """{"quirks":["x"]}""")).ProblemAsync(400);
        var filter = await (await Server.Api().GetPathAsync("/api/catalog/models?status=done")).ProblemAsync(400);

        Assert.Equal("status must be one of testing, integrated, refused.", status.GetProperty("detail").GetString());
        Assert.Equal("Unknown field 'quirks'; expected: status, quirk.", unknown.GetProperty("detail").GetString());
        Assert.Equal("status must be one of testing, integrated, refused.", filter.GetProperty("detail").GetString());
        await (await PatchAsync(Server.Api(), 987654321, """{"status":"refused"}""")).ProblemAsync(404);
    }

    [Fact]
    public async Task A_lab_run_shows_in_the_model_with_its_firmware_verdict_report_link_and_profiles()
    {
        var vendor = Pages.NewId("V");
        var catalog = Server.Services.GetRequiredService<CatalogService>();
        var passing = new LabRunOutcome(Pages.NewId("run"), "LAB-1", vendor, "X1", "2.2.0", "1.6", DateTimeOffset.UtcNow.AddMinutes(-5), [new("Core", 10, 0, 0, 2)]);
        var failing = passing with { RunId = Pages.NewId("run"), FirmwareVersion = "2.3.0", OcppVersion = "2.0.1", FinishedAt = DateTimeOffset.UtcNow, Profiles = [new("Core", 9, 1, 0, 2)] };
        var recorded = await catalog.RecordRunAsync(passing, Ct);
        await catalog.RecordRunAsync(failing, Ct);

        var model = await (await Server.Api().GetPathAsync($"/api/catalog/models/{recorded.ModelId}")).JsonAsync(200);

        Assert.Equal("integrated", model.GetProperty("status").GetString());
        Assert.Equal(["1.6", "2.0.1"], model.GetProperty("ocppVersions").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(["Core"], model.GetProperty("profilesPassed").EnumerateArray().Select(v => v.GetString())); // the failing run of 2.3.0 takes nothing away
        Assert.Equal(
            [$"2.2.0 passed {passing.RunId}", $"2.3.0 failed {failing.RunId}"],
            model.GetProperty("firmwareVersions").EnumerateArray().Select(f => $"{f.GetProperty("version").GetString()} {f.GetProperty("verdict").GetString()} {string.Join(',', f.GetProperty("runIds").EnumerateArray().Select(r => r.GetString()))}"));
        var run = model.GetProperty("runs")[0];
        Assert.Equal($"/api/testlab/runs/{passing.RunId}/report", run.GetProperty("report").GetString());
        Assert.Equal("""[{"profile":"Core","passed":10,"failed":0,"skipped":0,"notApplicable":2}]""", run.GetProperty("profiles").GetRawText());
    }

    [Fact]
    public async Task The_policy_in_effect_is_readable_and_has_the_documented_defaults()
    {
        using var viewerApi = await Server.ApiAsync(ApiRole.Viewer);

        var policy = await (await viewerApi.GetPathAsync("/api/catalog/policy")).JsonAsync(200);

        Assert.Equal("""{"requiredProfiles":["Core"],"integratedOnly":false,"unknownModelAnswer":"Pending"}""", policy.GetRawText());
    }

    private async Task<long> CreateAsync(string vendor, string model)
    {
        var created = await (await Server.Api().PostJsonAsync("/api/catalog/models", JsonSerializer.Serialize(new { vendor, model }))).JsonAsync(201);
        return created.GetProperty("id").GetInt64();
    }

    private static Task<HttpResponseMessage> PatchAsync(HttpClient client, long id, string json) =>
        client.PatchAsync(new Uri($"/api/catalog/models/{id}", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"), Ct);
}
