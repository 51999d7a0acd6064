using Iskra.Csms.Reports;
using Iskra.Csms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Csms.Tests.Reports;

public sealed class NoticeServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_second_report_of_the_same_attribute_updates_its_row_instead_of_adding_one()
    {
        // B07/B08: NotifyReport answers GetBaseReport/GetReport; the latest value is what the station has now.
        await using var csms = await CsmsHarness.StartAsync();
        var notices = csms.Get<NoticeService>();
        await notices.ReportAsync("cp-1", requestId: 1, [Variable("HeartbeatInterval", "300")], Ct);
        csms.Time.Advance(TimeSpan.FromMinutes(1));

        await notices.ReportAsync("cp-1", requestId: 2, [Variable("HeartbeatInterval", "60")], Ct);

        await using var db = await csms.DbAsync();
        var row = await db.DeviceModel.SingleAsync(Ct);
        Assert.Equal(("60", 2), (row.Value, row.ReportRequestId));
        Assert.Equal(CsmsHarness.Start.AddMinutes(1), row.UpdatedAt);
    }

    [Fact]
    public async Task Attributes_that_differ_in_any_part_of_the_natural_key_are_separate_rows()
    {
        await using var csms = await CsmsHarness.StartAsync();
        var notices = csms.Get<NoticeService>();

        await notices.ReportAsync("cp-1", 1, [Variable("Interval", "1"), Variable("Interval", "2", attributeType: "Target"), Variable("Interval", "3", evseId: 1)], Ct);
        await notices.ReportAsync("cp-2", 1, [Variable("Interval", "4")], Ct);

        await using var db = await csms.DbAsync();
        Assert.Equal(4, await db.DeviceModel.CountAsync(Ct));
    }

    [Fact]
    public async Task The_same_attribute_twice_in_one_report_keeps_the_last_value_in_one_row()
    {
        await using var csms = await CsmsHarness.StartAsync();

        await csms.Get<NoticeService>().ReportAsync("cp-1", 1, [Variable("Interval", "1"), Variable("Interval", "2")], Ct);

        await using var db = await csms.DbAsync();
        Assert.Equal("2", (await db.DeviceModel.SingleAsync(Ct)).Value);
    }

    [Fact]
    public async Task A_Problem_event_that_is_true_raises_an_alarm()
    {
        // N07/N08: a monitored "Problem" variable turning true is something the operator must see.
        await using var csms = await CsmsHarness.StartAsync();

        await csms.Get<NoticeService>().EventsAsync("cp-1", [Event("Problem", "true", techCode: "OverTemp", techInfo: "inlet 95C")], Ct);

        await using var db = await csms.DbAsync();
        Assert.Equal(1, await db.Events.CountAsync(Ct));
        var alarm = await db.Alarms.SingleAsync(Ct);
        Assert.Equal(("cp-1", "NotifyEvent", "OverTemp", "StationProblem"), (alarm.StationId, alarm.Source, alarm.Code, alarm.Kind));
        Assert.EndsWith("(OverTemp) since 2026-03-01 12:00 UTC: inlet 95C", alarm.Message, StringComparison.Ordinal);
        Assert.Equal((1, 2), (alarm.EvseId, alarm.ConnectorId));
        Assert.Equal(CsmsHarness.Start, alarm.OpenedAt);
    }

    [Fact]
    public async Task A_Problem_event_without_a_tech_code_is_named_after_its_component()
    {
        await using var csms = await CsmsHarness.StartAsync();

        await csms.Get<NoticeService>().EventsAsync("cp-1", [Event("Problem", "True")], Ct);

        await using var db = await csms.DbAsync();
        Assert.Equal("Connector.Problem", (await db.Alarms.SingleAsync(Ct)).Code);
    }

    [Fact]
    public async Task Other_events_and_a_Problem_clearing_are_stored_without_an_alarm()
    {
        await using var csms = await CsmsHarness.StartAsync();

        await csms.Get<NoticeService>().EventsAsync("cp-1", [Event("Problem", "false"), Event("AvailabilityState", "Occupied")], Ct);

        await using var db = await csms.DbAsync();
        Assert.Equal(2, await db.Events.CountAsync(Ct));
        Assert.False(await db.Alarms.AnyAsync(Ct));
    }

    [Fact]
    public async Task A_tamper_security_event_raises_an_alarm_and_a_routine_one_does_not()
    {
        await using var csms = await CsmsHarness.StartAsync();
        var notices = csms.Get<NoticeService>();

        await notices.RecordAsync("cp-1", "SecurityEventNotification", null, "TamperDetectionActivated", CsmsHarness.Start, "{}", Ct);
        await notices.RecordAsync("cp-1", "SecurityEventNotification", null, "StartupOfTheDevice", CsmsHarness.Start, "{}", Ct);

        await using var db = await csms.DbAsync();
        Assert.Equal(2, await db.Notices.CountAsync(Ct));
        Assert.Equal("TamperDetectionActivated", (await db.Alarms.SingleAsync(Ct)).Code);
    }

    [Fact]
    public async Task A_Problem_turning_false_clears_the_open_alarm_and_a_repeat_counts_on_it()
    {
        await using var csms = await CsmsHarness.StartAsync();
        var notices = csms.Get<NoticeService>();

        await notices.EventsAsync("cp-1", [Event("Problem", "true", techCode: "OverTemp")], Ct);
        await notices.EventsAsync("cp-1", [Event("Problem", "true", techCode: "OverTemp")], Ct);
        csms.Time.Advance(TimeSpan.FromMinutes(3));
        await notices.EventsAsync("cp-1", [Event("Problem", "false")], Ct);

        await using var db = await csms.DbAsync();
        var alarm = await db.Alarms.SingleAsync(Ct);
        Assert.Equal((2, CsmsHarness.Start.AddMinutes(3)), (alarm.Count, alarm.ClearedAt));
    }

    [Fact]
    public async Task Repeated_tamper_events_count_on_one_open_security_alarm()
    {
        await using var csms = await CsmsHarness.StartAsync();
        var notices = csms.Get<NoticeService>();

        for (var i = 0; i < 3; i++)
        {
            await notices.RecordAsync("cp-1", "SecurityEventNotification", null, "TamperDetectionActivated", CsmsHarness.Start, "{}", Ct);
        }

        await using var db = await csms.DbAsync();
        var alarm = await db.Alarms.SingleAsync(Ct);
        Assert.Equal(("SecurityEvent", "Critical", 3, null), (alarm.Kind, alarm.Severity, alarm.Count, alarm.ClearedAt));
    }

    private static DeviceModelVariable Variable(string name, string value, string attributeType = "Actual", int evseId = 0) =>
        new() { StationId = "cp-1", Component = "OCPPCommCtrlr", Variable = name, Value = value, AttributeType = attributeType, EvseId = evseId };

    private static EventRecord Event(string variable, string actualValue, string? techCode = null, string? techInfo = null) =>
        new()
        {
            StationId = "cp-1",
            EventId = 1,
            Timestamp = CsmsHarness.Start,
            Trigger = "Delta",
            ActualValue = actualValue,
            TechCode = techCode,
            TechInfo = techInfo,
            EventNotificationType = "HardWiredMonitor",
            Component = "Connector",
            EvseId = 1,
            ConnectorId = 2,
            Variable = variable,
        };
}
