using System.Text.Json;
using Iskra.Simulator.Faults;
using Iskra.TestLab.Tests.Runs;

namespace Iskra.TestLab.Tests.Cases;

/// <summary>
/// The 1.6 Core non-happy-flow cases (OCTT 1.6 §2.10–2.16) and DataTransfer (§2.23) against the reference
/// simulator: each passes on a station in good order, and a simulator fault makes the case it concerns fail
/// with the exact finding.
/// </summary>
public sealed class CoreCasesBTests
{
    [Fact]
    public async Task Remote_and_configuration_rejections_pass_on_a_station_in_good_order()
    {
        string[] cases = ["TC_027_CS", "TC_028_CS", "TC_031_CS", "TC_040_1_CS", "TC_040_2_CS", "TC_062_CS"];
        await using var lab = await LabHarness.StartAsync("LAB-CORE-B1");

        var run = await lab.FinishedAsync(await lab.StartRunAsync(LabHarness.AllProfiles, cases));

        AssertPassed(run, cases);
    }

    [Fact]
    public async Task Lock_fault_and_power_failure_cases_pass_on_a_station_in_good_order()
    {
        string[] cases = ["TC_024_CS", "TC_030_CS", "TC_034_CS", "TC_041_CS"];
        await using var lab = await LabHarness.StartAsync("LAB-CORE-B2");

        var run = await lab.FinishedAsync(await lab.StartRunAsync(LabHarness.AllProfiles, cases));

        AssertPassed(run, cases);
    }

    [Fact]
    public async Task Offline_and_power_failure_transaction_cases_pass_on_a_station_in_good_order()
    {
        string[] cases = ["TC_032_2_CS", "TC_036_CS", "TC_037_1_CS", "TC_037_2_CS", "TC_037_3_CS", "TC_038_CS", "TC_039_CS"];
        await using var lab = await LabHarness.StartAsync("LAB-CORE-B6");

        var run = await lab.FinishedAsync(await lab.StartRunAsync(LabHarness.AllProfiles, cases), TimeSpan.FromMinutes(6));

        AssertPassed(run, cases);
    }

    [Fact]
    public async Task TC_036_fails_when_the_station_drops_its_queued_meter_values_while_TC_031_passes()
    {
        await using var lab = await LabHarness.StartAsync("LAB-CORE-B7", StationFault.DropsQueuedTransactionMessages);

        var run = await lab.FinishedAsync(await lab.StartRunAsync(LabHarness.AllProfiles, "TC_031_CS", "TC_036_CS"));

        Assert.Equal("passed", Verdict(run, "TC_031_CS"));
        var finding = OnlyFinding(run, "TC_036_CS");
        Assert.Equal("TC_036_CS/step-1", finding.GetProperty("check").GetString());
        Assert.Equal("OCPP 1.6 §4.10", finding.GetProperty("requirement").GetString());
        Assert.StartsWith("The meter values sampled during the ", finding.GetProperty("expected").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("0 meter value(s) from the offline period arrived", finding.GetProperty("observed").GetString(), StringComparison.Ordinal);
        Assert.Contains("deliver all of them once it returns", finding.GetProperty("fix").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TC_032_1_passes_on_a_station_with_back_up_power_where_TC_032_2_does_not_apply()
    {
        await using var lab = await LabHarness.StartAsync("LAB-CORE-B8", o => o with { BackupPower = true });
        var declared = LabHarness.AllProfiles[..^1] + ""","backupPower":true}""";

        var run = await lab.FinishedAsync(await lab.StartRunAsync(declared, "TC_032_1_CS", "TC_032_2_CS"));

        AssertPassed(run, ["TC_032_1_CS"]);
        Assert.Equal("notApplicable", Verdict(run, "TC_032_2_CS"));
    }

    [Fact]
    public async Task TC_032_1_fails_on_a_station_that_stops_its_transactions_only_after_the_power_returns()
    {
        await using var lab = await LabHarness.StartAsync("LAB-CORE-B9");
        var declared = LabHarness.AllProfiles[..^1] + ""","backupPower":true}""";

        var run = await lab.FinishedAsync(await lab.StartRunAsync(declared, "TC_032_1_CS"));

        var finding = OnlyFinding(run, "TC_032_1_CS");
        Assert.Equal("TC_032_1_CS/step-1", finding.GetProperty("check").GetString());
        Assert.Equal("OCPP 1.6 §4.10", finding.GetProperty("requirement").GetString());
        Assert.Equal("The Charge Point sends a StopTransaction.req", finding.GetProperty("expected").GetString());
        Assert.Equal("no StopTransaction.req within 8 s", finding.GetProperty("observed").GetString());
    }

    [Fact]
    public async Task TC_024_fails_at_the_remote_start_when_the_station_rejects_remote_starts_while_TC_027_passes()
    {
        await using var lab = await LabHarness.StartAsync("LAB-CORE-B3", StationFault.RejectsRemoteStart);

        var run = await lab.FinishedAsync(await lab.StartRunAsync(LabHarness.AllProfiles, "TC_024_CS", "TC_027_CS"));

        Assert.Equal("passed", Verdict(run, "TC_027_CS"));
        var finding = OnlyFinding(run, "TC_024_CS");
        Assert.Equal("TC_024_CS/step-4", finding.GetProperty("check").GetString());
        Assert.Equal("OCPP 1.6 §5.11", finding.GetProperty("requirement").GetString());
        Assert.Equal("RemoteStartTransaction.conf status is Accepted", finding.GetProperty("expected").GetString());
        Assert.Equal("status is Rejected", finding.GetProperty("observed").GetString());
        Assert.Contains("Accept a RemoteStartTransaction.req for an available connector", finding.GetProperty("fix").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TC_034_fails_when_the_station_sends_no_status_after_the_boot_while_TC_031_passes()
    {
        await using var lab = await LabHarness.StartAsync("LAB-CORE-B4", StationFault.NoStatusAfterBoot);

        var run = await lab.FinishedAsync(await lab.StartRunAsync(LabHarness.AllProfiles, "TC_031_CS", "TC_034_CS"));

        Assert.Equal("passed", Verdict(run, "TC_031_CS"));
        var finding = OnlyFinding(run, "TC_034_CS");
        Assert.Equal("TC_034_CS/step-7", finding.GetProperty("check").GetString());
        Assert.Equal("OCPP 1.6 §4.9: a StatusNotification per connector and connectorId 0", finding.GetProperty("requirement").GetString());
        Assert.Equal("The Charge Point sends a StatusNotification.req", finding.GetProperty("expected").GetString());
        Assert.StartsWith("no matching StatusNotification.req within 8 s", finding.GetProperty("observed").GetString(), StringComparison.Ordinal);
        Assert.Contains("Send StatusNotification.req", finding.GetProperty("fix").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TC_062_fails_when_the_station_answers_too_late()
    {
        await using var lab = await LabHarness.StartAsync("LAB-CORE-B5", StationFault.AnswersLate);

        var run = await lab.FinishedAsync(await lab.StartRunAsync(LabHarness.AllProfiles, "TC_062_CS"));

        var finding = LabHarness.Case(run, "TC_062_CS").GetProperty("findings").EnumerateArray().First();
        Assert.Equal("failed", Verdict(run, "TC_062_CS"));
        Assert.Equal("TC_062_CS/step-1", finding.GetProperty("check").GetString());
        Assert.Equal("OCPP 1.6 §5.6", finding.GetProperty("requirement").GetString());
        Assert.Equal("The Charge Point answers DataTransfer.req with a valid DataTransfer.conf", finding.GetProperty("expected").GetString());
        Assert.Equal("no answer within 8 s", finding.GetProperty("observed").GetString());
        Assert.Contains("Answer DataTransfer.req promptly", finding.GetProperty("fix").GetString(), StringComparison.Ordinal);
    }

    private static void AssertPassed(JsonElement run, string[] cases)
    {
        var failed = cases.Select(id => LabHarness.Case(run, id)).Where(c => c.GetProperty("verdict").GetString() != "passed").Select(c => c.ToString()).ToList();
        Assert.True(failed.Count == 0, string.Join("\n", failed));
    }

    private static string? Verdict(JsonElement run, string id) => LabHarness.Case(run, id).GetProperty("verdict").GetString();

    private static JsonElement OnlyFinding(JsonElement run, string id)
    {
        var c = LabHarness.Case(run, id);
        Assert.True(c.GetProperty("verdict").GetString() == "failed", c.ToString());
        var findings = c.GetProperty("findings").EnumerateArray().ToList();
        Assert.True(findings.Count == 1, c.ToString());
        return findings[0];
    }
}
