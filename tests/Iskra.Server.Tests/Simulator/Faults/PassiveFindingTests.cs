using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Simulator.Faults;
using Iskra.Simulator.Model;
using Iskra.Simulator.Stations;

namespace Iskra.Server.Tests.Simulator.Faults;

/// <summary>
/// Each fault that live traffic can show, run by a simulated station against the real Iskra, ends as the
/// exact passive finding on the station (docs/passive-findings.md); a station without faults has none.
/// </summary>
public sealed class PassiveFindingTests(PassiveServer fixture) : IClassFixture<PassiveServer>
{
    private const double Register = 52_000;

    private IskraServer Server => fixture.Server;

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task KwhLabelledWh_is_found_as_energy_too_small_for_the_power(OcppVersion version)
    {
        var id = "p-kwh-" + version;
        await using var station = await ChargingAsync(id, version, StationFault.KwhLabelledWh);

        var finding = await Findings.WaitForAsync(Server, id, "passive/kwh-labelled-wh");

        Assert.Equal(version == OcppVersion.V16 ? "OCPP 1.6 §7.31 SampledValue.unit (default Wh)" : "OCPP 2.0.1 UnitOfMeasureType.unit (default Wh), J01", finding.Text("requirement"));
        Assert.Equal("Energy.Active.Import.Register in the unit it is labelled with (Wh when no unit is given), so that its growth matches power × time", finding.Text("expected"));
        Assert.StartsWith("Energy.Active.Import.Register labelled Wh grew ", finding.Text("observed"), StringComparison.Ordinal);
        Assert.Contains("latest value 52.", finding.Text("observed"), StringComparison.Ordinal);
        Assert.Contains(version == OcppVersion.V16 ? "MeterValues" : "TransactionEvent", Assert.Single(finding.GetProperty("frames").EnumerateArray()).Text("frame"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task EnergyWithoutUnit_is_found_as_default_Wh_too_small_for_the_power(OcppVersion version)
    {
        var id = "p-nounit-" + version;
        await using var station = await ChargingAsync(id, version, StationFault.EnergyWithoutUnit);

        var finding = await Findings.WaitForAsync(Server, id, "passive/energy-without-unit");

        Assert.Equal(version == OcppVersion.V16 ? "OCPP 1.6 §7.31 SampledValue.unit (default Wh)" : "OCPP 2.0.1 UnitOfMeasureType.unit (default Wh), J01", finding.Text("requirement"));
        Assert.StartsWith("Energy.Active.Import.Register without a unit (Wh by default) grew ", finding.Text("observed"), StringComparison.Ordinal);
        Assert.Empty(await FindingsOtherThan(id, "passive/energy-without-unit"));
    }

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task NonMonotonicRegister_is_found_as_a_register_going_backwards(OcppVersion version)
    {
        var id = "p-back-" + version;
        await using var station = await ChargingAsync(id, version, StationFault.NonMonotonicRegister);

        var finding = await Findings.WaitForAsync(Server, id, "passive/register-backwards");

        Assert.Equal(version == OcppVersion.V16 ? "OCPP 1.6 §7.31 Measurand Energy.Active.Import.Register" : "OCPP 2.0.1 Part 2 Appendix: Measurand Energy.Active.Import.Register", finding.Text("requirement"));
        Assert.Equal("Energy.Active.Import.Register never decreases within a transaction", finding.Text("expected"));
        Assert.Matches(@"^transaction \S+: the register read \d+ Wh after \d+ Wh$", finding.Text("observed"));
    }

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task MeterStopBelowStart_is_found_at_the_stop(OcppVersion version)
    {
        var id = "p-below-" + version;
        await using var station = await ChargingAsync(id, version, StationFault.MeterStopBelowStart);
        await station.UnplugAsync(1);

        var finding = await Findings.WaitForAsync(Server, id, "passive/meter-stop-below-start");

        var v16 = version == OcppVersion.V16;
        Assert.Equal(v16 ? "OCPP 1.6 §6.45 StartTransaction.req meterStart, §6.47 StopTransaction.req meterStop" : "OCPP 2.0.1 E06, J02 (Energy.Active.Import.Register at Transaction.Begin and Transaction.End)", finding.Text("requirement"));
        Assert.Equal(v16 ? "meterStop ≥ meterStart: both are the same register in Wh" : "the register of the Ended event ≥ the transaction's first register", finding.Text("expected"));
        Assert.Matches(v16 ? @"^transaction \d+: meterStop 51000 Wh below its start 52000 Wh$" : @"^transaction \S+: final register 51000 Wh below its start 52000 Wh$", finding.Text("observed"));
        Assert.Contains(v16 ? "StopTransaction" : "Ended", finding.GetProperty("frames")[0].Text("frame"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task TimestampsWithoutZone_is_found_as_a_timestamp_without_zone(OcppVersion version)
    {
        var id = "p-zone-" + version;
        await using var station = await FaultyStations.StartAsync(Server, id, version, [StationFault.TimestampsWithoutZone]);

        var finding = await Findings.WaitForAsync(Server, id, "passive/timestamp-without-zone");

        Assert.Equal(version == OcppVersion.V16 ? "OCPP 1.6 §3.14 Time zones (UTC recommended); OCPP-J 1.6 dateTime" : "OCPP 2.0.1 Part 2 dateTime (RFC 3339: the offset is required)", finding.Text("requirement"));
        Assert.Equal("every timestamp with its zone, in UTC: 2026-11-26T10:00:00.000Z", finding.Text("expected"));
        Assert.Equal(version == OcppVersion.V16 ? "StatusNotification.timestamp has no zone (read as UTC)" : "StatusNotification.timestamp has no zone: the CSMS refused the message as out of schema", finding.Text("observed"));
        Assert.DoesNotContain(await Findings.OfAsync(Server, id), f => f.Text("check") == "passive/out-of-schema");
    }

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task DriftingClock_is_found_as_clock_drift(OcppVersion version)
    {
        var id = "p-drift-" + version;
        await using var station = await FaultyStations.StartAsync(Server, id, version, [StationFault.DriftingClock]);

        var finding = await Findings.WaitForAsync(Server, id, "passive/clock-drift");

        Assert.Equal(version == OcppVersion.V16 ? "OCPP 1.6 §4.2 BootNotification.conf currentTime, §4.6 Heartbeat (clock synchronisation)" : "OCPP 2.0.1 B01 (BootNotificationResponse currentTime), G02 Heartbeat", finding.Text("requirement"));
        Assert.Equal("station timestamps within 5 min of the CSMS's clock", finding.Text("expected"));
        Assert.Matches(@"^StatusNotification\.timestamp is (59\.\d|60(\.\d)?) min ahead of the CSMS's clock$", finding.Text("observed"));
    }

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task IgnoresHeartbeatInterval_is_found_after_three_heartbeats_too_fast(OcppVersion version)
    {
        var id = "p-heartbeat-" + version;
        await using var station = await FaultyStations.StartAsync(Server, id, version, [StationFault.IgnoresHeartbeatInterval],
            o => o with { Configuration = new Dictionary<string, string> { ["HeartbeatInterval"] = "1" } });

        var finding = await Findings.WaitForAsync(Server, id, "passive/heartbeat-interval");

        Assert.Equal(version == OcppVersion.V16 ? "OCPP 1.6 §4.2 BootNotification.conf interval, §4.6 Heartbeat, §9.1.10 HeartbeatInterval" : "OCPP 2.0.1 B01.FR.04 (interval of BootNotificationResponse), G02, OCPPCommCtrlr.HeartbeatInterval", finding.Text("requirement"));
        Assert.Equal("a Heartbeat every 300 s, the interval set by the CSMS", finding.Text("expected"));
        Assert.Matches(@"^3 heartbeats in a row too fast: the latest (0\.\d|1(\.\d)?) s after the one before$", finding.Text("observed"));
    }

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task NoStatusAfterBoot_is_found_when_the_deadline_passes(OcppVersion version)
    {
        var id = "p-nostatus-" + version;
        await using var station = await FaultyStations.StartAsync(Server, id, version, [StationFault.NoStatusAfterBoot]);

        var finding = await Findings.WaitForAsync(Server, id, "passive/no-status-after-boot");

        Assert.Equal(version == OcppVersion.V16 ? "OCPP 1.6 §4.9 StatusNotification (after a boot, the status of every connector)" : "OCPP 2.0.1 B01.FR.05", finding.Text("requirement"));
        Assert.Equal("a StatusNotification for each connector after the accepted BootNotification", finding.Text("expected"));
        Assert.Equal("no StatusNotification within 2 s of the accepted BootNotification", finding.Text("observed"));
        Assert.Contains("BootNotification", finding.GetProperty("frames")[0].Text("frame"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task OutOfSchemaValues_is_found_on_the_refused_boot_with_its_model(OcppVersion version)
    {
        var id = "p-schema-" + version;
        await using var station = await FaultyStations.StartAsync(Server, id, version, [StationFault.OutOfSchemaValues], waitOnline: false);

        var finding = await Findings.WaitForAsync(Server, id, "passive/out-of-schema");

        Assert.Equal(version == OcppVersion.V16 ? "OCPP-J 1.6 §4.2.3 (payload against the schema of the action)" : "OCPP 2.0.1 Part 4 §4.3 (payload against the schema of the action)", finding.Text("requirement"));
        Assert.Equal($"BootNotification valid against its official {version.DisplayName()} schema", finding.Text("expected"));
        Assert.StartsWith("PropertyConstraintViolation: ", finding.Text("observed"), StringComparison.Ordinal);
        Assert.Contains(version == OcppVersion.V16 ? "chargePointSerialNumber" : "serialNumber", finding.Text("observed"), StringComparison.Ordinal);
        Assert.Equal(("Iskra", "Simulator"), (finding.Text("vendor"), finding.Text("model")));
    }

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task AnswersLate_is_found_when_Iskra_s_call_goes_unanswered_in_time(OcppVersion version)
    {
        var id = "p-late-" + version;
        await using var station = await FaultyStations.StartAsync(Server, id, version, [StationFault.AnswersLate], o => o with { LateAnswerDelay = TimeSpan.FromSeconds(3) });
        using var api = Server.Api();
        var (action, payload) = version == OcppVersion.V16 ? ("RemoteStopTransaction", """{"transactionId":424242}""") : ("RequestStopTransaction", """{"transactionId":"none"}""");
        await (await api.PostJsonAsync($"/api/stations/{id}/ocpp/{action}", payload)).ProblemAsync(504);

        var finding = await Findings.WaitForAsync(Server, id, "passive/answers-late");

        Assert.Equal(version == OcppVersion.V16 ? "OCPP-J 1.6 §4.1.1 (the answer to a CALL, in time)" : "OCPP 2.0.1 Part 4 §4.1.1 (the answer to a CALL, in time)", finding.Text("requirement"));
        Assert.Equal("the answer to each CSMS CALL within 2 s", finding.Text("expected"));
        Assert.Equal($"{action} not answered within 2 s", finding.Text("observed"));
        var frame = Assert.Single(finding.GetProperty("frames").EnumerateArray());
        Assert.False(frame.GetProperty("fromStation").GetBoolean());
        Assert.Contains(action, frame.Text("frame"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task ReusesMessageIds_is_found_on_the_second_action_under_one_id(OcppVersion version)
    {
        var id = "p-ids-" + version;
        await using var station = await FaultyStations.StartAsync(Server, id, version, [StationFault.ReusesMessageIds]);

        var finding = await Findings.WaitForAsync(Server, id, "passive/reuses-message-ids");

        Assert.Equal(version == OcppVersion.V16 ? "OCPP-J 1.6 §4.1.3 (message id unique per sender and connection)" : "OCPP 2.0.1 Part 4 §4.1.3 (message id unique per sender and connection)", finding.Text("requirement"));
        Assert.Equal("a new message id for every CALL", finding.Text("expected"));
        Assert.Matches("""^\w+ sent under message id "1", already used for \w+$""", finding.Text("observed"));
    }

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task NoTransactionAfterRemoteStart_is_found_when_no_transaction_follows(OcppVersion version)
    {
        var id = "p-nostart-" + version;
        await Server.IdTagAsync("R-" + id);
        await using var station = await FaultyStations.StartAsync(Server, id, version, [StationFault.NoTransactionAfterRemoteStart]);
        await station.PlugInAsync(1, new ElectricVehicle(capacityWh: 40_000, soc: 0.2, maxPowerW: 11_000));
        using var api = Server.Api();
        var answer = await (await api.PostJsonAsync($"/api/stations/{id}/commands/remote-start", $$"""{"connectorId":1,"idTag":"R-{{id}}"}""")).JsonAsync(200);
        Assert.Equal("Accepted", answer.GetProperty("status").GetString());

        var finding = await Findings.WaitForAsync(Server, id, "passive/no-transaction-after-remote-start");

        var v16 = version == OcppVersion.V16;
        Assert.Equal(v16 ? "OCPP 1.6 §5.11 RemoteStartTransaction, §9.1.8 ConnectionTimeOut" : "OCPP 2.0.1 F01 RequestStartTransaction, E03 EVConnectionTimeOut", finding.Text("requirement"));
        Assert.Equal($"{(v16 ? "RemoteStartTransaction" : "RequestStartTransaction")} was Accepted and no transaction followed within 2 s", finding.Text("observed"));
        Assert.Equal(2, finding.GetProperty("frames").GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task A_station_without_faults_running_sessions_has_no_findings(OcppVersion version)
    {
        var id = "p-none-" + version;
        await Server.IdTagAsync("T-" + id);
        await Server.IdTagAsync("R-" + id);
        await using var station = await FaultyStations.StartAsync(Server, id, version, [],
            o => o with { Configuration = new Dictionary<string, string> { ["MeterValueSampleInterval"] = "1", ["HeartbeatInterval"] = "1" } });
        await station.LockedAsync(() => { station.Connector(1).RegisterWh = Register; });
        await station.StartSessionAsync(1, "T-" + id);
        await station.WaitUntilAsync(s => s.SentEnergy().Count >= 6, TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
        await station.UnplugAsync(1);
        await station.SettleAsync();
        await station.PlugInAsync(2, new ElectricVehicle(capacityWh: 40_000, soc: 0.2, maxPowerW: 11_000));
        using var api = Server.Api();
        var started = await (await api.PostJsonAsync($"/api/stations/{id}/commands/remote-start", $$"""{"connectorId":2,"idTag":"R-{{id}}"}""")).JsonAsync(200);
        Assert.Equal("Accepted", started.GetProperty("status").GetString());
        await station.WaitUntilAsync(s => s.Connector(2).Session is not null, TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        await station.WaitUntilAsync(s => s.SentEnergy().Count >= 10, TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
        await Task.Delay(2500, TestContext.Current.CancellationToken); // past every deadline of the checks

        Assert.Empty(await Findings.OfAsync(Server, id));
    }

    [Fact]
    public async Task A_finding_is_listed_per_model_and_comes_back_as_new_after_it_is_acknowledged()
    {
        var id = "p-ack";
        await using var station = await FaultyStations.StartAsync(Server, id, OcppVersion.V16, [StationFault.DriftingClock]);
        await Findings.WaitForAsync(Server, id, "passive/clock-drift");
        using var api = Server.Api();

        var perModel = await (await api.GetAsync("/api/findings?vendor=Iskra&model=Simulator&check=passive/clock-drift", TestContext.Current.CancellationToken)).JsonAsync(200);
        Assert.Contains(perModel.GetProperty("items").EnumerateArray(), f => f.Text("stationId") == id);
        var otherModel = await (await api.GetAsync("/api/findings?vendor=Iskra&model=Other", TestContext.Current.CancellationToken)).JsonAsync(200);
        Assert.Empty(otherModel.GetProperty("items").EnumerateArray());

        Assert.Equal(204, (int)(await api.DeleteAsync($"/api/stations/{id}/findings/passive/clock-drift", TestContext.Current.CancellationToken)).StatusCode);
        Assert.DoesNotContain(await Findings.OfAsync(Server, id), f => f.Text("check") == "passive/clock-drift");
        Assert.Equal(404, (int)(await api.DeleteAsync($"/api/stations/{id}/findings/passive/clock-drift", TestContext.Current.CancellationToken)).StatusCode);

        await station.PlugInAsync(1); // a StatusNotification from the drifting clock
        var again = await Findings.WaitForAsync(Server, id, "passive/clock-drift");
        Assert.Equal(1, again.GetProperty("count").GetInt64());
    }

    /// <summary>A station with <paramref name="fault"/> on and a 52 kWh register, charging an 11 kW EV on connector 1.</summary>
    private async Task<SimStation> ChargingAsync(string id, OcppVersion version, StationFault fault)
    {
        var idTag = "T-" + id;
        await Server.IdTagAsync(idTag);
        var station = await FaultyStations.StartAsync(Server, id, version, [fault]);
        await station.LockedAsync(() => { station.Connector(1).RegisterWh = Register; });
        await station.StartSessionAsync(1, idTag);
        await station.WaitUntilAsync(s => s.SentEnergy().Count >= 3, TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        return station;
    }

    private async Task<IReadOnlyList<string>> FindingsOtherThan(string id, string check) =>
        [.. (await Findings.OfAsync(Server, id)).Select(f => f.Text("check")).Where(c => c != check)];
}
