using Iskra.TestLab.Tests.Runs;

namespace Iskra.TestLab.Tests.Cases;

/// <summary>The 1.6 Smart Charging cases (OCTT §2.22) against the reference simulator.</summary>
public sealed class SmartChargingCasesTests
{
    private static readonly string[] Ids = ["TC_056_CS", "TC_057_CS", "TC_058_1_CS", "TC_058_2_CS", "TC_082_CS", "TC_066_CS", "TC_067_CS", "TC_072_CS", "TC_059_CS", "TC_060_CS"];

    [Fact]
    public async Task The_reference_station_passes_every_smart_charging_case()
    {
        await using var lab = await LabHarness.StartAsync("LAB-SMART");
        var runId = await lab.StartRunAsync(LabHarness.AllProfiles, Ids);

        var run = await lab.FinishedAsync(runId);

        foreach (var id in Ids)
        {
            var verdict = LabHarness.Case(run, id);
            Assert.True(verdict.GetProperty("verdict").GetString() == "passed", verdict.ToString());
        }
    }
}
