using Iskra.Simulator.Faults;
using Iskra.TestLab.Tests.Runs;

namespace Iskra.TestLab.Tests.Cases;

/// <summary>OCTT 1.6 §2.17 Local Authorization List cases against the reference simulator, with and without the profile.</summary>
public sealed class LocalAuthListCasesTests
{
    private const string WithoutLocalList = """{"featureProfiles":["Core","FirmwareManagement","Reservation","SmartCharging","RemoteTrigger"],"connectors":1}""";

    [Fact]
    public async Task The_local_list_cases_pass_against_a_station_with_the_profile()
    {
        await using var lab = await LabHarness.StartAsync("LAB-LOCALLIST");
        var runId = await lab.StartRunAsync(LabHarness.AllProfiles, "TC_042_1_CS", "TC_042_2_CS", "TC_043_CS", "TC_043_1_CS", "TC_043_2_CS", "TC_008_CS");

        var run = await lab.FinishedAsync(runId);

        CaseAssert.Verdict(run, "passed", "TC_042_2_CS", "TC_043_CS", "TC_043_2_CS", "TC_008_CS");
        CaseAssert.Verdict(run, "notApplicable", "TC_042_1_CS", "TC_043_1_CS");
        Assert.Equal("passed", run.GetProperty("status").GetString());
        Assert.Equal("false", lab.Station.Configuration.Get("LocalPreAuthorize")); // TC_008_CS put back what it changed
        Assert.Equal("false", lab.Station.Configuration.Get("AuthorizeRemoteTxRequests"));
    }

    [Fact]
    public async Task The_failed_case_passes_with_a_list_longer_than_the_station_can_take_and_the_list_stays_as_it_was()
    {
        await using var lab = await LabHarness.StartAsync("LAB-LOCALLIST-FAIL");
        var runId = await lab.StartRunAsync(LabHarness.AllProfiles, "TC_043_2_CS", "TC_043_3_CS");

        var run = await lab.FinishedAsync(runId);

        CaseAssert.Verdict(run, "passed", "TC_043_2_CS", "TC_043_3_CS");
        Assert.Equal(5, lab.Station.Authorization.ListVersion); // TC_043_2_CS left version 5; the refused Full list of version 2 changed nothing
        Assert.Equal(2, lab.Station.Authorization.List.Count); // and its two id tags
    }

    [Fact]
    public async Task The_not_supported_cases_pass_against_a_station_without_the_profile()
    {
        await using var lab = await LabHarness.StartAsync("LAB-NOLOCALLIST", o => o with
        {
            Configuration = new Dictionary<string, string>(o.Configuration) { ["SupportedFeatureProfiles"] = "Core,FirmwareManagement,Reservation,SmartCharging,RemoteTrigger" },
        });
        var runId = await lab.StartRunAsync(WithoutLocalList, "TC_042_1_CS", "TC_042_2_CS", "TC_043_CS", "TC_043_1_CS", "TC_043_2_CS", "TC_008_CS");

        var run = await lab.FinishedAsync(runId);

        CaseAssert.Verdict(run, "passed", "TC_042_1_CS", "TC_043_1_CS");
        CaseAssert.Verdict(run, "notApplicable", "TC_042_2_CS", "TC_043_CS", "TC_043_2_CS", "TC_008_CS");
    }

    [Fact]
    public async Task A_station_that_rejects_remote_starts_fails_TC_008_at_step_8_while_TC_043_passes()
    {
        await using var lab = await LabHarness.StartAsync("LAB-LOCALLIST-RS", StationFault.RejectsRemoteStart);
        var runId = await lab.StartRunAsync(LabHarness.AllProfiles, "TC_043_CS", "TC_008_CS");

        var run = await lab.FinishedAsync(runId);

        CaseAssert.Verdict(run, "passed", "TC_043_CS");
        CaseAssert.Verdict(run, "failed", "TC_008_CS");
        var finding = CaseAssert.Finding(run, "TC_008_CS", "TC_008_CS/step-8");
        Assert.Equal("OCPP 1.6 §5.11", finding.GetProperty("requirement").GetString());
        Assert.Equal("RemoteStartTransaction.conf status is Accepted", finding.GetProperty("expected").GetString());
        Assert.Contains("status is Rejected", finding.GetProperty("observed").GetString(), StringComparison.Ordinal);
        Assert.Contains("local list", finding.GetProperty("fix").GetString(), StringComparison.Ordinal);
        Assert.Equal("false", lab.Station.Configuration.Get("LocalPreAuthorize")); // restored although the case failed
    }
}
