using Iskra.Csms.Stations;
using Iskra.Csms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Csms.Tests.Stations;

public sealed class StationServiceTests
{
    private static readonly BootInfo Boot = new("Iskra", "Sim-1", "SN-1", "1.2.3", "CB-1", "8931", "2040", "M-T", "M-SN", "PowerUp");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Boot_stores_what_the_station_says_and_answers_its_registration_state_the_clock_and_the_configured_interval()
    {
        await using var csms = await CsmsHarness.StartAsync(new() { ["Csms:HeartbeatIntervalSeconds"] = "120" });
        await csms.SeedAsync(new Station { Id = "cp-1", RegistrationStatus = RegistrationState.Pending, CreatedAt = CsmsHarness.Start });
        csms.Time.Advance(TimeSpan.FromSeconds(42));

        var result = await csms.Get<StationService>().BootAsync("cp-1", Boot, Ct);

        Assert.Equal(new BootResult(RegistrationState.Pending, CsmsHarness.Start.AddSeconds(42), 120), result);
        await using var db = await csms.DbAsync();
        var station = await db.Stations.SingleAsync(Ct);
        Assert.Equal(("Iskra", "Sim-1", "SN-1", "1.2.3"), (station.Vendor, station.Model, station.SerialNumber, station.FirmwareVersion));
        Assert.Equal(("CB-1", "8931", "2040", "M-T", "M-SN"), (station.ChargeBoxSerialNumber, station.Iccid, station.Imsi, station.MeterType, station.MeterSerialNumber));
        Assert.Equal("PowerUp", station.LastBootReason);
        Assert.Equal(CsmsHarness.Start.AddSeconds(42), station.LastBootAt);
        Assert.Equal(CsmsHarness.Start.AddSeconds(42), station.LastSeen);
    }

    [Fact]
    public async Task Boot_of_an_accepted_station_answers_Accepted_with_the_default_interval()
    {
        await using var csms = await CsmsHarness.StartAsync();
        await csms.SeedAsync(new Station { Id = "cp-1", CreatedAt = CsmsHarness.Start });

        var result = await csms.Get<StationService>().BootAsync("cp-1", Boot, Ct);

        Assert.Equal(RegistrationState.Accepted, result.Status);
        Assert.Equal(300, result.IntervalSeconds);
    }

    [Fact]
    public async Task Boot_of_a_station_that_no_longer_exists_answers_Rejected()
    {
        await using var csms = await CsmsHarness.StartAsync();

        var result = await csms.Get<StationService>().BootAsync("deleted", Boot, Ct);

        Assert.Equal(RegistrationState.Rejected, result.Status);
    }

    [Fact]
    public async Task Heartbeat_answers_the_CSMS_clock_and_marks_the_station_seen()
    {
        await using var csms = await CsmsHarness.StartAsync();
        await csms.SeedAsync(new Station { Id = "cp-1", CreatedAt = CsmsHarness.Start });
        csms.Time.Advance(TimeSpan.FromMinutes(3));

        var now = await csms.Get<StationService>().HeartbeatAsync("cp-1", Ct);

        Assert.Equal(CsmsHarness.Start.AddMinutes(3), now);
        await using var db = await csms.DbAsync();
        Assert.Equal(now, (await db.Stations.SingleAsync(Ct)).LastSeen);
    }

    [Fact]
    public async Task Every_status_is_kept_as_history_and_the_connector_shows_the_newest()
    {
        await using var csms = await CsmsHarness.StartAsync();
        var stations = csms.Get<StationService>();

        await stations.StatusAsync("cp-1", Status("Available", at: 0), Ct);
        await stations.StatusAsync("cp-1", Status("Preparing", at: 10), Ct);
        await stations.StatusAsync("cp-1", Status("Charging", at: 20), Ct);

        await using var db = await csms.DbAsync();
        Assert.Equal(["Available", "Preparing", "Charging"], await db.StatusEvents.OrderBy(e => e.Id).Select(e => e.Status).ToListAsync(Ct));
        var connector = await db.Connectors.SingleAsync(Ct);
        Assert.Equal(("cp-1", 1, 1, "Charging"), (connector.StationId, connector.EvseId, connector.ConnectorId, connector.Status));
        Assert.Equal(CsmsHarness.Start.AddSeconds(20), connector.UpdatedAt);
    }

    [Fact]
    public async Task A_late_older_status_joins_the_history_but_does_not_override_the_live_status()
    {
        await using var csms = await CsmsHarness.StartAsync();
        var stations = csms.Get<StationService>();

        await stations.StatusAsync("cp-1", Status("Charging", at: 20), Ct);
        await stations.StatusAsync("cp-1", Status("Available", at: 5), Ct);

        await using var db = await csms.DbAsync();
        Assert.Equal(2, await db.StatusEvents.CountAsync(Ct));
        var connector = await db.Connectors.SingleAsync(Ct);
        Assert.Equal("Charging", connector.Status);
        Assert.Equal(CsmsHarness.Start.AddSeconds(20), connector.UpdatedAt);
    }

    [Fact]
    public async Task A_late_fault_joins_the_history_but_changes_neither_the_live_status_nor_the_alarms()
    {
        await using var csms = await CsmsHarness.StartAsync();
        var stations = csms.Get<StationService>();

        await stations.StatusAsync("cp-1", Status("Available", at: 20), Ct);
        await stations.StatusAsync("cp-1", Status("Faulted", at: 5, errorCode: "OverVoltage"), Ct);

        await using var db = await csms.DbAsync();
        Assert.Equal("Available", (await db.Connectors.SingleAsync(Ct)).Status);
        Assert.Equal(2, await db.StatusEvents.CountAsync(Ct));
        Assert.False(await db.Alarms.AnyAsync(Ct));
    }

    [Fact]
    public async Task A_status_without_a_timestamp_is_dated_by_the_CSMS_clock()
    {
        await using var csms = await CsmsHarness.StartAsync();
        csms.Time.Advance(TimeSpan.FromSeconds(7));

        await csms.Get<StationService>().StatusAsync("cp-1", Status("Available", at: null), Ct);

        await using var db = await csms.DbAsync();
        var history = await db.StatusEvents.SingleAsync(Ct);
        Assert.Equal(CsmsHarness.Start.AddSeconds(7), history.Timestamp);
        Assert.Equal(CsmsHarness.Start.AddSeconds(7), history.ReceivedAt);
    }

    [Fact]
    public async Task An_error_code_other_than_NoError_raises_an_alarm()
    {
        // OCPP 1.6 §7.6 ChargePointErrorCode: anything but NoError is a fault.
        await using var csms = await CsmsHarness.StartAsync();

        await csms.Get<StationService>().StatusAsync("cp-1", Status("Unavailable", at: 0, errorCode: "GroundFailure", info: "leak", vendorErrorCode: "E42"), Ct);

        await using var db = await csms.DbAsync();
        var alarm = await db.Alarms.SingleAsync(Ct);
        Assert.Equal(("cp-1", 1, 1), (alarm.StationId, alarm.EvseId, alarm.ConnectorId));
        Assert.Equal(("StatusNotification", "GroundFailure", "ConnectorFaulted", "Major"), (alarm.Source, alarm.Code, alarm.Kind, alarm.Severity));
        Assert.Equal("cp-1 connector 1 reports GroundFailure since 2026-03-01 12:00 UTC (E42 leak)", alarm.Message);
        Assert.Equal(CsmsHarness.Start, alarm.OpenedAt);
        Assert.Null(alarm.AcknowledgedAt);
    }

    [Fact]
    public async Task NoError_raises_no_alarm()
    {
        await using var csms = await CsmsHarness.StartAsync();

        await csms.Get<StationService>().StatusAsync("cp-1", Status("Available", at: 0, errorCode: "NoError"), Ct);

        await using var db = await csms.DbAsync();
        Assert.False(await db.Alarms.AnyAsync(Ct));
    }

    [Fact]
    public async Task A_Faulted_status_without_an_error_code_raises_an_alarm()
    {
        // G01: 2.0.1 StatusNotification carries no error code, so Faulted stands for one.
        await using var csms = await CsmsHarness.StartAsync();

        await csms.Get<StationService>().StatusAsync("cp-1", new StatusReport(2, 1, "Faulted", null, null, null, null, CsmsHarness.Start), Ct);

        await using var db = await csms.DbAsync();
        var alarm = await db.Alarms.SingleAsync(Ct);
        Assert.Equal(("Faulted", 2, 1), (alarm.Code, alarm.EvseId, alarm.ConnectorId));
    }

    [Fact]
    public async Task A_repeated_fault_counts_on_the_open_alarm_and_a_healthy_status_clears_it()
    {
        await using var csms = await CsmsHarness.StartAsync();
        var stations = csms.Get<StationService>();

        await stations.StatusAsync("cp-1", Status("Faulted", at: 0, errorCode: "GroundFailure"), Ct);
        csms.Time.Advance(TimeSpan.FromSeconds(30));
        await stations.StatusAsync("cp-1", Status("Faulted", at: 30, errorCode: "GroundFailure"), Ct);
        await stations.StatusAsync("cp-1", new StatusReport(2, 1, "Faulted", null, null, null, null, CsmsHarness.Start.AddSeconds(30)), Ct);
        csms.Time.Advance(TimeSpan.FromSeconds(30));
        await stations.StatusAsync("cp-1", Status("Available", at: 60, errorCode: "NoError"), Ct);
        await stations.StatusAsync("cp-1", Status("Faulted", at: 60, errorCode: "OverVoltage"), Ct);

        await using var db = await csms.DbAsync();
        var alarms = await db.Alarms.OrderBy(a => a.Id).ToListAsync(Ct);
        Assert.Equal(3, alarms.Count);
        Assert.Equal((1, 2, CsmsHarness.Start.AddSeconds(30), CsmsHarness.Start.AddSeconds(60)), (alarms[0].ConnectorId, alarms[0].Count, alarms[0].LastSeenAt, alarms[0].ClearedAt));
        Assert.Equal((2, 1, null), (alarms[1].EvseId, alarms[1].Count, alarms[1].ClearedAt)); // another EVSE's connector: its own alarm
        Assert.Equal(("OverVoltage", 1, null), (alarms[2].Code, alarms[2].Count, alarms[2].ClearedAt)); // a new fault after the clear
    }

    private static StatusReport Status(string status, int? at, string? errorCode = null, string? info = null, string? vendorErrorCode = null) =>
        new(1, 1, status, errorCode, info, null, vendorErrorCode, at is { } s ? CsmsHarness.Start.AddSeconds(s) : null);
}
