using Iskra.Server.Tests.Infrastructure;
using Iskra.TestLab.Cases.V16;

namespace Iskra.TestLab.Tests.Runs;

/// <summary>The whole 1.6 suite against the reference simulator in good order, unattended.</summary>
public sealed class CoreRunTests
{
    [Fact]
    public async Task A_station_in_good_order_passes_every_built_case_unattended_is_ready_for_integration_and_integrated_in_the_catalog()
    {
        await using var lab = await LabHarness.StartAsync("LAB-GOOD");
        var runId = await lab.StartRunAsync(LabHarness.AllProfiles);

        var run = await lab.FinishedAsync(runId, TimeSpan.FromMinutes(12));

        var notBuilt = V16Cases.NotYetBuilt.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var cases = run.GetProperty("cases").EnumerateArray().ToList();
        var wrong = cases.Where(c => !notBuilt.Contains(c.GetProperty("id").GetString()!) && c.GetProperty("verdict").GetString() is not ("passed" or "notApplicable")).Select(c => c.ToString()).ToList();
        Assert.True(wrong.Count == 0, run.GetProperty("status").GetString() + "\n" + string.Join("\n", wrong));
        Assert.Equal(V16Cases.All.Count + V16Cases.NotApplicable.Count + notBuilt.Count + 1, cases.Count); // + the survey
        Assert.All(cases.Where(c => notBuilt.Contains(c.GetProperty("id").GetString()!)), c =>
            Assert.Equal(
                c.GetProperty("profile").GetString()!.StartsWith("Security", StringComparison.Ordinal) ? "notApplicable" : "skipped: not built yet in this version of the lab",
                c.GetProperty("verdict").GetString() == "skipped" ? "skipped: " + c.GetProperty("reason").GetString() : c.GetProperty("verdict").GetString())); // Security is not declared
        Assert.Equal("passed", run.GetProperty("status").GetString());

        // Every Core case is built: a station in good order is ready for integration and the catalog says so.
        Assert.DoesNotContain(V16Cases.NotYetBuilt, c => c.Profile == "Core");
        Assert.True(run.GetProperty("readyForIntegration").GetBoolean(), run.GetProperty("readiness").GetString());

        var models = await (await lab.Api.GetAsync("/api/catalog/models?vendor=Iskra", TestContext.Current.CancellationToken)).JsonAsync(200);
        var text = models.ToString();
        Assert.Contains("\"Simulator\"", text);
        Assert.Contains("\"integrated\"", text);
    }
}
