using System.Text.Json;
using Iskra.Simulator.Faults;
using Iskra.TestLab.Tests.Runs;

namespace Iskra.TestLab.Tests.Cases;

/// <summary>
/// OCTT 1.6 Core cases of §2.1–§2.9 against the reference simulator: each passes on a station in good
/// order, and a station with a fault that breaks one fails it with the exact finding.
/// </summary>
public sealed class CoreCasesATests
{
    [Fact]
    public async Task The_boot_reset_and_configuration_cases_pass()
    {
        string[] cases = ["TC_002_CS", "TC_013_CS", "TC_014_CS", "TC_015_CS", "TC_016_CS", "TC_019_CS", "TC_021_CS"];
        await using var lab = await LabHarness.StartAsync("LAB-CORE-A1");

        var run = await lab.FinishedAsync(await lab.StartRunAsync(LabHarness.AllProfiles, cases), TimeSpan.FromMinutes(6));

        AssertPassed(run, cases);
    }

    [Fact]
    public async Task The_authorization_remote_start_and_stop_cases_pass()
    {
        string[] cases = ["TC_004_2_CS", "TC_068_CS", "TC_069_CS", "TC_011_1_CS", "TC_011_2_CS"];
        await using var lab = await LabHarness.StartAsync("LAB-CORE-A2");

        var run = await lab.FinishedAsync(await lab.StartRunAsync(LabHarness.AllProfiles, cases), TimeSpan.FromMinutes(6));

        AssertPassed(run, cases);
    }

    [Fact]
    public async Task The_cache_unlock_and_meter_value_cases_pass()
    {
        string[] cases = ["TC_007_CS", "TC_061_CS", "TC_017_1_CS", "TC_018_1_CS", "TC_070_CS", "TC_071_CS"];
        await using var lab = await LabHarness.StartAsync("LAB-CORE-A3");

        var run = await lab.FinishedAsync(await lab.StartRunAsync(LabHarness.AllProfiles, [.. cases, "TC_017_2_CS"]), TimeSpan.FromMinutes(6));

        AssertPassed(run, cases);
        Assert.Equal("notApplicable", LabHarness.Case(run, "TC_017_2_CS").GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task The_EV_side_disconnect_cases_pass_and_the_station_keeps_its_settings()
    {
        string[] cases = ["TC_005_1_CS", "TC_005_2_CS", "TC_005_3_CS"];
        await using var lab = await LabHarness.StartAsync("LAB-CORE-A-EV");

        var run = await lab.FinishedAsync(await lab.StartRunAsync(LabHarness.AllProfiles, cases), TimeSpan.FromMinutes(6));

        AssertPassed(run, cases);
        Assert.Equal("true", lab.Station.Configuration.Get("StopTransactionOnEVSideDisconnect"));
        Assert.Equal("true", lab.Station.Configuration.Get("UnlockConnectorOnEVSideDisconnect"));
        Assert.All(lab.Station.Connectors, c => Assert.False(c.CableInSocket, $"connector {c.Id} still holds a cable"));
    }

    [Fact]
    public async Task Without_a_card_reader_the_EV_side_disconnect_cases_start_charging_remotely_and_pass()
    {
        const string noReader = """{"featureProfiles":["Core"],"connectors":1,"cardReader":false}""";
        await using var lab = await LabHarness.StartAsync("LAB-CORE-A-EV-RS");

        var run = await lab.FinishedAsync(await lab.StartRunAsync(noReader, "TC_005_1_CS", "TC_005_3_CS"), TimeSpan.FromMinutes(4));

        AssertPassed(run, ["TC_005_1_CS", "TC_005_3_CS"]);
        Assert.Contains(lab.Station.Log.Entries, e => e.Kind == "received" && e.Text.Contains("\"RemoteStartTransaction\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_socket_station_declared_with_a_fixed_cable_fails_the_fixed_cable_unlock_at_step_2()
    {
        const string fixedCable = """{"featureProfiles":["Core"],"connectors":1,"fixedCable":true}""";
        await using var lab = await LabHarness.StartAsync("LAB-CORE-A-FC");

        var run = await lab.FinishedAsync(await lab.StartRunAsync(fixedCable, "TC_017_1_CS", "TC_017_2_CS", "TC_021_CS"), TimeSpan.FromMinutes(4));

        var finding = Failed(run, "TC_017_2_CS", "TC_017_2_CS/step-2");
        Assert.Equal("OCPP 1.6 §5.18", finding.GetProperty("requirement").GetString());
        Assert.Equal("UnlockConnector.conf status is NotSupported (a fixed cable has nothing to unlock)", finding.GetProperty("expected").GetString());
        Assert.Equal("status is Unlocked", finding.GetProperty("observed").GetString());
        Assert.Contains("permanently attached cable", finding.GetProperty("fix").GetString(), StringComparison.Ordinal);
        Assert.Equal("notApplicable", LabHarness.Case(run, "TC_017_1_CS").GetProperty("verdict").GetString());
        AssertPassed(run, "TC_021_CS");
    }

    [Fact]
    public async Task A_station_that_keeps_its_own_heartbeat_interval_fails_the_pending_boot_at_step_11()
    {
        await using var lab = await LabHarness.StartAsync("LAB-CORE-A-HB", StationFault.IgnoresHeartbeatInterval);

        var run = await lab.FinishedAsync(await lab.StartRunAsync(LabHarness.AllProfiles, "TC_002_CS", "TC_021_CS"), TimeSpan.FromMinutes(4));

        var finding = Failed(run, "TC_002_CS", "TC_002_CS/step-11");
        Assert.Equal("OCPP 1.6 §4.6 Heartbeat", finding.GetProperty("requirement").GetString());
        Assert.Equal("The Charge Point sends a Heartbeat.req", finding.GetProperty("expected").GetString());
        Assert.Contains("no Heartbeat.req within", finding.GetProperty("observed").GetString(), StringComparison.Ordinal);
        Assert.Contains("Send Heartbeat.req at this point of the flow", finding.GetProperty("fix").GetString(), StringComparison.Ordinal);
        AssertPassed(run, "TC_021_CS");
    }

    [Fact]
    public async Task A_station_that_rejects_remote_starts_fails_remote_start_first_at_step_4()
    {
        await using var lab = await LabHarness.StartAsync("LAB-CORE-A-RS", StationFault.RejectsRemoteStart);

        var run = await lab.FinishedAsync(await lab.StartRunAsync(LabHarness.AllProfiles, "TC_004_2_CS", "TC_011_1_CS"), TimeSpan.FromMinutes(4));

        var finding = Failed(run, "TC_011_1_CS", "TC_011_1_CS/step-4");
        Assert.Equal("OCPP 1.6 §5.11", finding.GetProperty("requirement").GetString());
        Assert.Equal("RemoteStartTransaction.conf status is Accepted", finding.GetProperty("expected").GetString());
        Assert.Equal("status is Rejected", finding.GetProperty("observed").GetString());
        Assert.Contains("Accept a RemoteStartTransaction.req for an available connector", finding.GetProperty("fix").GetString(), StringComparison.Ordinal);
        AssertPassed(run, "TC_004_2_CS");
    }

    [Fact]
    public async Task A_station_that_ignores_an_accepted_remote_start_fails_the_remote_start_timeout_at_step_7()
    {
        await using var lab = await LabHarness.StartAsync("LAB-CORE-A-NT", StationFault.NoTransactionAfterRemoteStart);

        var run = await lab.FinishedAsync(await lab.StartRunAsync(LabHarness.AllProfiles, "TC_004_2_CS", "TC_011_2_CS"), TimeSpan.FromMinutes(4));

        var finding = Failed(run, "TC_011_2_CS", "TC_011_2_CS/step-7");
        Assert.Equal("OCPP 1.6 §4.9", finding.GetProperty("requirement").GetString());
        Assert.Equal("The Charge Point sends a StatusNotification.req", finding.GetProperty("expected").GetString());
        Assert.Contains("no StatusNotification.req within", finding.GetProperty("observed").GetString(), StringComparison.Ordinal);
        Assert.Contains("Send StatusNotification.req at this point of the flow", finding.GetProperty("fix").GetString(), StringComparison.Ordinal);
        AssertPassed(run, "TC_004_2_CS");
    }

    [Fact]
    public async Task A_station_that_reports_no_status_after_boot_fails_the_hard_reset_at_step_9()
    {
        await using var lab = await LabHarness.StartAsync("LAB-CORE-A-NS", StationFault.NoStatusAfterBoot);

        var run = await lab.FinishedAsync(await lab.StartRunAsync(LabHarness.AllProfiles, "TC_013_CS", "TC_021_CS"), TimeSpan.FromMinutes(4));

        var finding = Failed(run, "TC_013_CS", "TC_013_CS/step-9");
        Assert.Equal("OCPP 1.6 §4.9: a StatusNotification per connector and connectorId 0 after boot", finding.GetProperty("requirement").GetString());
        Assert.Equal("The Charge Point sends a StatusNotification.req", finding.GetProperty("expected").GetString());
        Assert.Contains("no matching StatusNotification.req within", finding.GetProperty("observed").GetString(), StringComparison.Ordinal);
        Assert.Contains("Send StatusNotification.req at this point of the flow", finding.GetProperty("fix").GetString(), StringComparison.Ordinal);
        AssertPassed(run, "TC_021_CS");
    }

    private static void AssertPassed(JsonElement run, params string[] cases)
    {
        foreach (var id in cases)
        {
            var verdict = LabHarness.Case(run, id);
            Assert.True(verdict.GetProperty("verdict").GetString() == "passed", verdict.ToString());
        }
    }

    /// <summary>The case failed, and its first finding is the check <paramref name="check"/>.</summary>
    private static JsonElement Failed(JsonElement run, string id, string check)
    {
        var verdict = LabHarness.Case(run, id);
        Assert.True(verdict.GetProperty("verdict").GetString() == "failed", verdict.ToString());
        var finding = verdict.GetProperty("findings").EnumerateArray().First();
        Assert.True(finding.GetProperty("check").GetString() == check, verdict.ToString());
        return finding;
    }
}
