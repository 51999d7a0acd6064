using Iskra.Server.Tests.Infrastructure;

namespace Iskra.TestLab.Tests.Runs;

/// <summary>The 1.6 suite against the reference simulator in good order: unattended, every applicable case passes.</summary>
public sealed class CoreRunTests
{
    [Fact]
    public async Task A_station_in_good_order_passes_every_applicable_case_unattended()
    {
        await using var lab = await LabHarness.StartAsync("LAB-GOOD");
        var runId = await lab.StartRunAsync(LabHarness.AllProfiles);

        var run = await lab.FinishedAsync(runId);

        var failed = run.GetProperty("cases").EnumerateArray().Where(c => c.GetProperty("verdict").GetString() != "passed" && c.GetProperty("verdict").GetString() != "notApplicable").Select(c => c.ToString()).ToList();
        Assert.True(failed.Count == 0, run.GetProperty("status").GetString() + "\n" + string.Join("\n", failed));
        Assert.Equal("passed", run.GetProperty("status").GetString());
        Assert.True(run.GetProperty("readyForIntegration").GetBoolean());
    }
}
