using Iskra.Simulator.Faults;
using Iskra.TestLab.Tests.Runs;

namespace Iskra.TestLab.Tests.Cases;

/// <summary>OCTT 1.6 §2.20 Reservation cases against the reference simulator, with and without the profile.</summary>
public sealed class ReservationCasesTests
{
    private static readonly string[] Supported = ["TC_046_1_CS", "TC_046_2_CS", "TC_047_CS", "TC_048_1_CS", "TC_048_2_CS", "TC_048_3_CS", "TC_049_CS", "TC_050_1_CS", "TC_050_2_CS", "TC_050_3_CS", "TC_051_CS", "TC_052_CS", "TC_053_CS"];

    [Fact]
    public async Task The_reservation_cases_pass_against_a_station_with_the_profile()
    {
        await using var lab = await LabHarness.StartAsync("LAB-RESERVE");
        var runId = await lab.StartRunAsync(LabHarness.AllProfiles, [.. Supported, "TC_048_4_CS", "TC_050_4_CS"]);

        var run = await lab.FinishedAsync(runId);

        CaseAssert.Verdict(run, "passed", Supported);
        CaseAssert.Verdict(run, "notApplicable", "TC_048_4_CS", "TC_050_4_CS");
        Assert.Equal("passed", run.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_rejected_cases_pass_against_a_station_without_the_profile()
    {
        await using var lab = await LabHarness.StartAsync("LAB-NORESERVE", o => o with
        {
            Configuration = new Dictionary<string, string>(o.Configuration) { ["SupportedFeatureProfiles"] = "Core,RemoteTrigger" },
        });
        var runId = await lab.StartRunAsync("""{"featureProfiles":["Core","RemoteTrigger"],"connectors":1}""", [.. Supported, "TC_048_4_CS", "TC_050_4_CS"]);

        var run = await lab.FinishedAsync(runId);

        CaseAssert.Verdict(run, "passed", "TC_048_4_CS", "TC_050_4_CS");
        CaseAssert.Verdict(run, "notApplicable", Supported);
    }

    [Fact]
    public async Task A_station_that_rejects_remote_starts_fails_TC_046_2_while_TC_046_1_passes()
    {
        await using var lab = await LabHarness.StartAsync("LAB-RESERVE-RS", StationFault.RejectsRemoteStart);
        var runId = await lab.StartRunAsync(LabHarness.AllProfiles, "TC_046_1_CS", "TC_046_2_CS");

        var run = await lab.FinishedAsync(runId);

        CaseAssert.Verdict(run, "passed", "TC_046_1_CS");
        CaseAssert.Verdict(run, "failed", "TC_046_2_CS");
        var finding = CaseAssert.Finding(run, "TC_046_2_CS", "TC_046_2_CS/step-5");
        Assert.Equal("OCPP 1.6 §5.11", finding.GetProperty("requirement").GetString());
        Assert.Equal("RemoteStartTransaction.conf status is Accepted for 'LAB-CARD-1' on connector 1", finding.GetProperty("expected").GetString());
        Assert.Equal("status is Rejected", finding.GetProperty("observed").GetString());
        Assert.Contains("§5.13", finding.GetProperty("fix").GetString(), StringComparison.Ordinal);
        Assert.Equal("Available", lab.Station.Connector(1).Status.ToString()); // the reservation was released
    }
}
