using System.Text.Json;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Simulator.Faults;
using Iskra.TestLab.Tests.Runs;

namespace Iskra.TestLab.Tests.Faults;

/// <summary>
/// Faults that the lab finds through the passive checks it shares with the fleet (docs/passive-findings.md): the
/// case running when the station's call arrives fails with the check's finding, once, while a case without
/// such traffic still passes. And the smart-charging fault, found by TC_059_CS's check that the profile is followed.
/// </summary>
public sealed class PassiveFaultTests
{
    [Fact]
    public async Task KwhLabelledWh_fails_the_sampled_meter_values_case_with_the_energy_unit_finding()
    {
        await using var lab = await LabHarness.StartAsync("LAB-F-KWH", StationFault.KwhLabelledWh);
        var run = await lab.FinishedAsync(await lab.StartRunAsync(LabHarness.AllProfiles, "TC_019_CS", "TC_070_CS"));

        var finding = OnlyFinding(run, "TC_070_CS", "passive/kwh-labelled-wh");
        Assert.Equal("OCPP 1.6 §7.31 SampledValue.unit (default Wh)", finding.GetProperty("requirement").GetString());
        Assert.Equal("Energy.Active.Import.Register in the unit it is labelled with (Wh when no unit is given), so that its growth matches power × time", finding.GetProperty("expected").GetString());
        Assert.Contains("Energy.Active.Import.Register labelled Wh grew", finding.GetProperty("observed").GetString());
        Assert.Contains("a kWh value read as Wh", finding.GetProperty("observed").GetString());
        Assert.Equal("Send the register in Wh, or label it unit \"kWh\" when the meter gives kWh (in 2.0.1 unitOfMeasure.unit \"kWh\").", finding.GetProperty("fix").GetString());
        Assert.Contains(finding.GetProperty("frames").EnumerateArray(), f => f.GetProperty("frame").GetString()!.Contains("\"MeterValues\"", StringComparison.Ordinal));
        Assert.Equal("passed", Verdict(run, "TC_019_CS"));
    }

    [Fact]
    public async Task EnergyWithoutUnit_fails_the_sampled_meter_values_case_with_the_missing_unit_finding()
    {
        await using var lab = await LabHarness.StartAsync("LAB-F-EWU", StationFault.EnergyWithoutUnit);
        var run = await lab.FinishedAsync(await lab.StartRunAsync(LabHarness.AllProfiles, "TC_019_CS", "TC_070_CS"));

        var finding = OnlyFinding(run, "TC_070_CS", "passive/energy-without-unit");
        Assert.Equal("OCPP 1.6 §7.31 SampledValue.unit (default Wh)", finding.GetProperty("requirement").GetString());
        Assert.Equal("Energy.Active.Import.Register in the unit it is labelled with (Wh when no unit is given), so that its growth matches power × time", finding.GetProperty("expected").GetString());
        Assert.Contains("Energy.Active.Import.Register without a unit (Wh by default) grew", finding.GetProperty("observed").GetString());
        Assert.Equal("Send the unit of every energy sampled value (unit \"kWh\" for a kWh meter), or convert to Wh: an absent unit means Wh.", finding.GetProperty("fix").GetString());
        Assert.Equal("passed", Verdict(run, "TC_019_CS"));
    }

    [Fact]
    public async Task NonMonotonicRegister_fails_the_sampled_meter_values_case_with_the_register_going_backwards()
    {
        await using var lab = await LabHarness.StartAsync("LAB-F-NMR", StationFault.NonMonotonicRegister);
        var run = await lab.FinishedAsync(await lab.StartRunAsync(LabHarness.AllProfiles, "TC_019_CS", "TC_070_CS"));

        var finding = OnlyFinding(run, "TC_070_CS", "passive/register-backwards");
        Assert.Equal("OCPP 1.6 §7.31 Measurand Energy.Active.Import.Register", finding.GetProperty("requirement").GetString());
        Assert.Equal("Energy.Active.Import.Register never decreases within a transaction", finding.GetProperty("expected").GetString());
        Assert.Matches(@"^transaction \d+: the register read \d+ Wh after \d+ Wh$", finding.GetProperty("observed").GetString());
        Assert.StartsWith("Report the meter's lifetime register as read", finding.GetProperty("fix").GetString());
        Assert.Equal("passed", Verdict(run, "TC_019_CS"));
    }

    [Fact]
    public async Task MeterStopBelowStart_fails_the_charging_session_whose_transaction_stops_below_its_start()
    {
        await using var lab = await LabHarness.StartAsync("LAB-F-MSBS", StationFault.MeterStopBelowStart);
        var run = await lab.FinishedAsync(await lab.StartRunAsync(LabHarness.AllProfiles, "TC_003_CS", "TC_019_CS"));

        var finding = OnlyFinding(run, "TC_003_CS", "passive/meter-stop-below-start");
        Assert.Equal("OCPP 1.6 §6.45 StartTransaction.req meterStart, §6.47 StopTransaction.req meterStop", finding.GetProperty("requirement").GetString());
        Assert.Equal("meterStop ≥ meterStart: both are the same register in Wh", finding.GetProperty("expected").GetString());
        Assert.Matches(@"^transaction \d+: meterStop -?\d+ Wh below its start \d+ Wh$", finding.GetProperty("observed").GetString());
        Assert.StartsWith("Take the start and the stop value from the same meter register", finding.GetProperty("fix").GetString());
        Assert.Contains(finding.GetProperty("frames").EnumerateArray(), f => f.GetProperty("frame").GetString()!.Contains("\"StopTransaction\"", StringComparison.Ordinal));
        Assert.Equal("passed", Verdict(run, "TC_019_CS"));

        // Lab traffic is not production data: the station has no finding of its own.
        var stored = await (await lab.Api.GetAsync("/api/stations/LAB-F-MSBS/findings", TestContext.Current.CancellationToken)).JsonAsync(200);
        Assert.Empty(stored.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task TimestampsWithoutZone_fails_the_charging_session_once_with_the_zone_finding()
    {
        await using var lab = await LabHarness.StartAsync("LAB-F-TWZ", StationFault.TimestampsWithoutZone);
        var run = await lab.FinishedAsync(await lab.StartRunAsync(LabHarness.AllProfiles, "TC_003_CS", "TC_019_CS"));

        var finding = OnlyFinding(run, "TC_003_CS", "passive/timestamp-without-zone");
        Assert.Equal("OCPP 1.6 §3.14 Time zones (UTC recommended); OCPP-J 1.6 dateTime", finding.GetProperty("requirement").GetString());
        Assert.Equal("every timestamp with its zone, in UTC: 2026-11-26T10:00:00.000Z", finding.GetProperty("expected").GetString());
        Assert.EndsWith("has no zone (read as UTC)", finding.GetProperty("observed").GetString());
        Assert.Equal("Format every timestamp in UTC with the Z suffix (or with an explicit offset), never local time without a zone.", finding.GetProperty("fix").GetString());
        Assert.Equal("passed", Verdict(run, "TC_019_CS"));
    }

    [Fact]
    public async Task DriftingClock_fails_the_charging_session_with_the_clock_drift_finding()
    {
        await using var lab = await LabHarness.StartAsync("LAB-F-DC", StationFault.DriftingClock);
        var run = await lab.FinishedAsync(await lab.StartRunAsync(LabHarness.AllProfiles, "TC_003_CS", "TC_019_CS"));

        var finding = OnlyFinding(run, "TC_003_CS", "passive/clock-drift");
        Assert.Equal("OCPP 1.6 §4.2 BootNotification.conf currentTime, §4.6 Heartbeat (clock synchronisation)", finding.GetProperty("requirement").GetString());
        Assert.Equal("station timestamps within 5 min of the CSMS's clock", finding.GetProperty("expected").GetString());
        Assert.Matches(@"\.timestamp is 6\d(\.\d)? min ahead of the CSMS's clock$", finding.GetProperty("observed").GetString());
        Assert.Equal("Synchronise the clock: use NTP, or adopt currentTime from the BootNotification and Heartbeat answers; keep the clock in UTC.", finding.GetProperty("fix").GetString());
        Assert.Equal("passed", Verdict(run, "TC_019_CS"));
    }

    [Fact]
    public async Task ReusesMessageIds_fails_the_charging_session_with_the_reused_id()
    {
        await using var lab = await LabHarness.StartAsync("LAB-F-RMI", StationFault.ReusesMessageIds);
        var run = await lab.FinishedAsync(await lab.StartRunAsync(LabHarness.AllProfiles, "TC_003_CS", "TC_019_CS"));

        var finding = OnlyFinding(run, "TC_003_CS", "passive/reuses-message-ids");
        Assert.Equal("OCPP-J 1.6 §4.1.3 (message id unique per sender and connection)", finding.GetProperty("requirement").GetString());
        Assert.Equal("a new message id for every CALL", finding.GetProperty("expected").GetString());
        Assert.Contains("sent under message id \"1\", already used for", finding.GetProperty("observed").GetString());
        Assert.Equal("Draw message ids from a counter that never repeats on a connection (or a UUID); keep the id only when resending the same message.", finding.GetProperty("fix").GetString());
        Assert.Equal("passed", Verdict(run, "TC_019_CS"));
    }

    [Fact]
    public async Task IgnoresChargingLimits_fails_the_remote_start_with_a_profile_because_the_draw_exceeds_the_limit()
    {
        await using var lab = await LabHarness.StartAsync("LAB-F-ICL", StationFault.IgnoresChargingLimits);
        var run = await lab.FinishedAsync(await lab.StartRunAsync(LabHarness.AllProfiles, "TC_059_CS", "TC_072_CS"));

        var finding = OnlyFinding(run, "TC_059_CS", "TC_059_CS/step-result");
        Assert.Equal("OCPP 1.6 §3.13 Smart Charging", finding.GetProperty("requirement").GetString());
        Assert.Equal("Current.Import at most the limit of the TxProfile 5901, 6 A (+10 %), 5 s after it applies", finding.GetProperty("expected").GetString());
        Assert.StartsWith("Current.Import is 32 A (L1 32, L2 32, L3 32)", finding.GetProperty("observed").GetString());
        Assert.StartsWith("Limit the power offered to the EV to the composite schedule of the installed charging profiles", finding.GetProperty("fix").GetString());
        Assert.Equal("passed", Verdict(run, "TC_072_CS"));
    }

    private static string? Verdict(JsonElement run, string id) => LabHarness.Case(run, id).GetProperty("verdict").GetString();

    private static JsonElement OnlyFinding(JsonElement run, string id, string check)
    {
        var c = LabHarness.Case(run, id);
        Assert.Equal("failed", c.GetProperty("verdict").GetString());
        var finding = Assert.Single(c.GetProperty("findings").EnumerateArray());
        Assert.Equal(check, finding.GetProperty("check").GetString());
        return finding;
    }
}
