using System.Text.Json;
using Iskra.Simulator.Faults;
using Iskra.TestLab.Tests.Runs;

namespace Iskra.TestLab.Tests.Faults;

/// <summary>A simulator fault switched on makes the matching case fail with the exact finding, while unrelated cases still pass.</summary>
public sealed class CoreFaultTests
{
    [Fact]
    public async Task NoStatusAfterBoot_fails_the_cold_boot_at_step_5_and_leaves_charging_cases_passing()
    {
        await using var lab = await LabHarness.StartAsync("LAB-F-NSAB", StationFault.NoStatusAfterBoot);
        var run = await lab.FinishedAsync(await lab.StartRunAsync(LabHarness.AllProfiles, "TC_001_CS", "TC_003_CS"));

        var finding = OnlyFinding(run, "TC_001_CS");
        Assert.Equal("TC_001_CS/step-5", finding.GetProperty("check").GetString());
        Assert.Contains("§4.9", finding.GetProperty("requirement").GetString());
        Assert.Equal("The Charge Point sends a StatusNotification.req", finding.GetProperty("expected").GetString());
        Assert.StartsWith("no StatusNotification.req within", finding.GetProperty("observed").GetString());
        Assert.Contains("StatusNotification.req", finding.GetProperty("fix").GetString());
        Assert.Equal("passed", Verdict(run, "TC_003_CS"));
        Assert.Equal("failed", run.GetProperty("status").GetString());
        Assert.False(run.GetProperty("readyForIntegration").GetBoolean());
    }

    [Fact]
    public async Task IgnoresHeartbeatInterval_fails_the_cold_boot_at_step_7_for_want_of_heartbeats_at_the_interval()
    {
        await using var lab = await LabHarness.StartAsync("LAB-F-IHI", StationFault.IgnoresHeartbeatInterval);
        var run = await lab.FinishedAsync(await lab.StartRunAsync(LabHarness.AllProfiles, "TC_001_CS"));

        var finding = OnlyFinding(run, "TC_001_CS");
        Assert.Equal("TC_001_CS/step-7", finding.GetProperty("check").GetString());
        Assert.Equal("Heartbeat.req every 2 s, the interval of the accepted BootNotification.conf", finding.GetProperty("expected").GetString());
        Assert.Equal("no Heartbeat.req within 12 s", finding.GetProperty("observed").GetString()); // it keeps its own 300 s
        Assert.Contains("interval from the BootNotification.conf", finding.GetProperty("fix").GetString());
    }

    [Fact]
    public async Task RejectsRemoteStart_fails_the_remote_start_with_the_status_and_the_frames()
    {
        await using var lab = await LabHarness.StartAsync("LAB-F-RRS", StationFault.RejectsRemoteStart);
        var run = await lab.FinishedAsync(await lab.StartRunAsync(LabHarness.AllProfiles, "TC_010_CS", "TC_023_CS"));

        var finding = OnlyFinding(run, "TC_010_CS");
        Assert.Equal("TC_010_CS/step-2", finding.GetProperty("check").GetString());
        Assert.Equal("OCPP 1.6 §5.11", finding.GetProperty("requirement").GetString());
        Assert.Equal("status is Rejected", finding.GetProperty("observed").GetString());
        Assert.Contains("Accept a RemoteStartTransaction.req", finding.GetProperty("fix").GetString());
        Assert.Contains(finding.GetProperty("frames").EnumerateArray(), f => f.GetProperty("frame").GetString()!.Contains("\"Rejected\"", StringComparison.Ordinal));
        Assert.Equal("passed", Verdict(run, "TC_023_CS"));
    }

    [Fact]
    public async Task NoTransactionAfterRemoteStart_fails_the_remote_start_for_want_of_a_StartTransaction()
    {
        await using var lab = await LabHarness.StartAsync("LAB-F-NTRS", StationFault.NoTransactionAfterRemoteStart);
        var run = await lab.FinishedAsync(await lab.StartRunAsync(LabHarness.AllProfiles, "TC_010_CS"));

        var finding = OnlyFinding(run, "TC_010_CS");
        Assert.Equal("TC_010_CS/step-start", finding.GetProperty("check").GetString());
        Assert.Equal("The Charge Point sends a StartTransaction.req", finding.GetProperty("expected").GetString());
        Assert.StartsWith("no StartTransaction.req within", finding.GetProperty("observed").GetString());
    }

    [Fact]
    public async Task OutOfSchemaValues_is_a_schema_finding_that_names_the_field()
    {
        await using var lab = await LabHarness.StartAsync("LAB-F-OOS");
        lab.Station.Faults.Set(StationFault.OutOfSchemaValues, true); // from now on: a 26-character serial at boot
        var run = await lab.FinishedAsync(await lab.StartRunAsync(LabHarness.AllProfiles, "TC_001_CS"));

        var findings = LabHarness.Case(run, "TC_001_CS").GetProperty("findings").EnumerateArray().ToList();
        var schema = Assert.Single(findings, f => f.GetProperty("check").GetString() == "TC_001_CS/schema-BootNotification");
        Assert.Contains("chargePointSerialNumber", schema.GetProperty("observed").GetString());
        Assert.Contains("schema", schema.GetProperty("requirement").GetString());
    }

    private static string? Verdict(JsonElement run, string id) => LabHarness.Case(run, id).GetProperty("verdict").GetString();

    private static JsonElement OnlyFinding(JsonElement run, string id)
    {
        var c = LabHarness.Case(run, id);
        Assert.Equal("failed", c.GetProperty("verdict").GetString());
        return Assert.Single(c.GetProperty("findings").EnumerateArray());
    }
}
