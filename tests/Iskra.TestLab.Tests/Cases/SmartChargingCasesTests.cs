using Iskra.Simulator.Faults;
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

    [Fact]
    public async Task A_station_that_rejects_remote_starts_fails_the_remote_start_with_profile_case_at_the_charging_state()
    {
        await using var lab = await LabHarness.StartAsync("LAB-SMART-RS", StationFault.RejectsRemoteStart);
        var runId = await lab.StartRunAsync(LabHarness.AllProfiles, "TC_056_CS", "TC_059_CS");

        var run = await lab.FinishedAsync(runId);

        Assert.Equal("passed", LabHarness.Case(run, "TC_056_CS").GetProperty("verdict").GetString());
        var failed = LabHarness.Case(run, "TC_059_CS");
        Assert.Equal("failed", failed.GetProperty("verdict").GetString());
        var finding = failed.GetProperty("findings")[0];
        Assert.Equal("TC_059_CS/step-charging-6", finding.GetProperty("check").GetString());
        Assert.Equal("OCPP 1.6 §5.11", finding.GetProperty("requirement").GetString());
        Assert.Equal("RemoteStartTransaction.conf status is Accepted (with a TxProfile)", finding.GetProperty("expected").GetString());
        Assert.Equal("status is Rejected", finding.GetProperty("observed").GetString());
        Assert.Contains("ChargingProfile of purpose TxProfile (OCPP 1.6 §5.11, §5.16.2)", finding.GetProperty("fix").GetString(), StringComparison.Ordinal);
    }
}
