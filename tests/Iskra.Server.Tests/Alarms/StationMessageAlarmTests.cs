using System.Text.Json;
using Iskra.Csms.Alarms;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Server.Tests.Resources;

namespace Iskra.Server.Tests.Alarms;

/// <summary>
/// The alarms raised by what a station sends, with exact frames on both databases: each opens once, counts a repeat on
/// the same alarm, and clears when the station says the condition is gone.
/// </summary>
public sealed class StationMessageAlarmTests(AlarmSqliteServer sqlite, AlarmPostgresServer postgres) : AlarmTests(sqlite, postgres)
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_16_connector_fault_opens_one_alarm_with_the_vendor_text_counts_a_repeat_and_clears_with_its_duration(string provider)
    {
        var server = On(provider);
        var (id, station) = await BootedAsync(server, OcppVersion.V16);
        await using var _ = station;

        await station.CallAsync("StatusNotification", Status16(1, "Faulted", "GroundFailure", Stamp(TimeSpan.FromSeconds(-3)), ""","info":"RCD tripped","vendorId":"ACME","vendorErrorCode":"E-17" """));
        var alarm = await WaitForOpenAsync(server, id, AlarmKinds.ConnectorFaulted);
        Assert.Equal((1, "GroundFailure", AlarmSeverity.Major, "StatusNotification"),
            (alarm.GetProperty("connectorId").GetInt32(), alarm.GetProperty("code").GetString(), alarm.GetProperty("severity").GetString(), alarm.GetProperty("source").GetString()));
        Assert.StartsWith($"{id} connector 1 reports GroundFailure since ", alarm.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("(ACME E-17 RCD tripped)", alarm.GetProperty("message").GetString(), StringComparison.Ordinal);

        await station.CallAsync("StatusNotification", Status16(1, "Faulted", "GroundFailure", Stamp(TimeSpan.FromSeconds(-2)), ""));
        await WaitForOpenAsync(server, id, AlarmKinds.ConnectorFaulted, count: 2);

        await station.CallAsync("StatusNotification", Status16(1, "Available", "NoError", Stamp(TimeSpan.FromSeconds(-1)), ""));
        var cleared = await WaitForClearedAsync(server, id, AlarmKinds.ConnectorFaulted);
        AssertCleared(cleared);
        Assert.Equal(2, cleared.GetProperty("count").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_201_Problem_event_opens_the_alarm_of_its_EVSE_a_repeat_counts_and_Problem_false_clears_it(string provider)
    {
        var server = On(provider);
        var (id, station) = await BootedAsync(server, OcppVersion.V201);
        await using var _ = station;

        await station.CallAsync("NotifyEvent", Problem(1, "true"));
        var alarm = await WaitForOpenAsync(server, id, AlarmKinds.StationProblem);
        Assert.Equal((1, "FAN-01", "NotifyEvent"), (alarm.GetProperty("evseId").GetInt32(), alarm.GetProperty("code").GetString(), alarm.GetProperty("source").GetString()));
        Assert.Contains("FanController", alarm.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.EndsWith(": fan stuck", alarm.GetProperty("message").GetString(), StringComparison.Ordinal);

        await station.CallAsync("NotifyEvent", Problem(2, "true"));
        await WaitForOpenAsync(server, id, AlarmKinds.StationProblem, count: 2);

        await station.CallAsync("NotifyEvent", Problem(3, "false"));
        AssertCleared(await WaitForClearedAsync(server, id, AlarmKinds.StationProblem));
    }

    [Theory]
    [MemberData(nameof(Matrix.ProvidersAndVersions), MemberType = typeof(Matrix))]
    public async Task A_tamper_event_opens_a_Critical_alarm_and_a_second_one_counts_on_it(string provider, OcppVersion version)
    {
        var server = On(provider);
        var (id, station) = await BootedAsync(server, version);
        await using var _ = station;

        // An informational event opens nothing.
        await station.CallAsync("SecurityEventNotification", $$"""{"type":"SettingSystemTime","timestamp":"{{Stamp(TimeSpan.Zero)}}"}""");
        await station.CallAsync("SecurityEventNotification", $$"""{"type":"TamperDetectionActivated","timestamp":"{{Stamp(TimeSpan.Zero)}}","techInfo":"door"}""");
        var alarm = await WaitForOpenAsync(server, id, AlarmKinds.SecurityEvent);
        Assert.Equal((AlarmSeverity.Critical, "TamperDetectionActivated"), (alarm.GetProperty("severity").GetString(), alarm.GetProperty("code").GetString()));

        await station.CallAsync("SecurityEventNotification", $$"""{"type":"TamperDetectionActivated","timestamp":"{{Stamp(TimeSpan.Zero)}}"}""");
        await WaitForOpenAsync(server, id, AlarmKinds.SecurityEvent, count: 2);
        Assert.Single(await server.Api().ItemsAsync($"/api/alarms?stationId={id}"));
    }

    [Theory]
    [MemberData(nameof(Matrix.ProvidersAndVersions), MemberType = typeof(Matrix))]
    public async Task A_timestamp_an_hour_ahead_opens_one_ClockSkew_alarm_and_a_timestamp_within_the_tolerance_clears_it(string provider, OcppVersion version)
    {
        var server = On(provider);
        var (id, station) = await BootedAsync(server, version);
        await using var _ = station;

        await station.CallAsync("StatusNotification", Status(version, "Available", Stamp(TimeSpan.FromHours(1))));
        var alarm = await WaitForOpenAsync(server, id, AlarmKinds.ClockSkew);
        Assert.Equal((AlarmSeverity.Minor, "Iskra"), (alarm.GetProperty("severity").GetString(), alarm.GetProperty("source").GetString()));
        Assert.StartsWith($"{id}'s clock is 60 min ahead of Iskra's: a StatusNotification stamped ", alarm.GetProperty("message").GetString(), StringComparison.Ordinal);

        // Still ahead: the same alarm (a repeat is counted at most once a minute), not a second one.
        await station.CallAsync("StatusNotification", Status(version, "Available", Stamp(TimeSpan.FromHours(1.01))));
        Assert.Equal(1, (await WaitForOpenAsync(server, id, AlarmKinds.ClockSkew)).GetProperty("count").GetInt32());

        await station.CallAsync("StatusNotification", Status(version, "Available", Stamp(TimeSpan.FromMinutes(-1))));
        AssertCleared(await WaitForClearedAsync(server, id, AlarmKinds.ClockSkew));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_live_201_event_an_hour_behind_is_ClockSkew_but_a_queued_offline_event_or_an_old_16_meter_value_is_not(string provider)
    {
        var server = On(provider);
        var (v16, old) = await BootedAsync(server, OcppVersion.V16);
        await using (old)
        {
            await old.CallAsync("MeterValues", $$"""{"connectorId":1,"meterValue":[{"timestamp":"{{Stamp(TimeSpan.FromHours(-1))}}","sampledValue":[{"value":"100"}]}]}""");
        }

        var (id, station) = await BootedAsync(server, OcppVersion.V201);
        await using var _ = station;
        var tx = Pages.NewId("tx");
        await station.CallAsync("TransactionEvent", Event("Started", tx, 0, offline: true, Stamp(TimeSpan.FromHours(-1))));
        await SeveralChecksAsync();
        Assert.Empty(await AlarmsAsync(server, id, AlarmKinds.ClockSkew));
        Assert.Empty(await AlarmsAsync(server, v16, AlarmKinds.ClockSkew));

        await station.CallAsync("TransactionEvent", Event("Updated", tx, 1, offline: false, Stamp(TimeSpan.FromHours(-1))));
        var alarm = await WaitForOpenAsync(server, id, AlarmKinds.ClockSkew);
        Assert.StartsWith($"{id}'s clock is 60 min behind Iskra's: a TransactionEvent stamped ", alarm.GetProperty("message").GetString(), StringComparison.Ordinal);

        await station.CallAsync("TransactionEvent", Event("Ended", tx, 2, offline: false, Stamp(TimeSpan.Zero)));
        AssertCleared(await WaitForClearedAsync(server, id, AlarmKinds.ClockSkew));
    }

    [Theory]
    [MemberData(nameof(Matrix.ProvidersAndVersions), MemberType = typeof(Matrix))]
    public async Task A_failed_firmware_status_opens_FirmwareUpdateFailed_a_second_failure_counts_and_Installed_clears_it(string provider, OcppVersion version)
    {
        var server = On(provider);
        var (id, station) = await BootedAsync(server, version);
        await using var _ = station;
        var request = version == OcppVersion.V16 ? "" : ""","requestId":41""";

        await station.CallAsync("FirmwareStatusNotification", $$"""{"status":"Downloading"{{request}}}""");
        await station.CallAsync("FirmwareStatusNotification", $$"""{"status":"DownloadFailed"{{request}}}""");
        var alarm = await WaitForOpenAsync(server, id, AlarmKinds.FirmwareUpdateFailed);
        Assert.Equal((AlarmSeverity.Major, "DownloadFailed", "FirmwareStatusNotification"),
            (alarm.GetProperty("severity").GetString(), alarm.GetProperty("code").GetString(), alarm.GetProperty("source").GetString()));
        Assert.StartsWith(version == OcppVersion.V16 ? $"{id}: the firmware update failed with DownloadFailed" : $"{id}: the firmware update (request 41) failed with DownloadFailed",
            alarm.GetProperty("message").GetString(), StringComparison.Ordinal);

        await station.CallAsync("FirmwareStatusNotification", $$"""{"status":"InstallationFailed"{{request}}}""");
        await WaitForOpenAsync(server, id, AlarmKinds.FirmwareUpdateFailed, count: 2);

        await station.CallAsync("FirmwareStatusNotification", $$"""{"status":"Installed"{{request}}}""");
        AssertCleared(await WaitForClearedAsync(server, id, AlarmKinds.FirmwareUpdateFailed));
    }

    [Theory]
    [MemberData(nameof(Matrix.ProvidersAndVersions), MemberType = typeof(Matrix))]
    public async Task A_failed_upload_status_opens_LogUploadFailed_a_second_failure_counts_and_Uploaded_clears_it(string provider, OcppVersion version)
    {
        var server = On(provider);
        var (id, station) = await BootedAsync(server, version);
        await using var _ = station;
        var (action, failed, again) = version == OcppVersion.V16
            ? ("DiagnosticsStatusNotification", """{"status":"UploadFailed"}""", """{"status":"UploadFailed"}""")
            : ("LogStatusNotification", """{"status":"UploadFailure","requestId":7}""", """{"status":"PermissionDenied","requestId":7}""");

        await station.CallAsync(action, version == OcppVersion.V16 ? """{"status":"Uploading"}""" : """{"status":"Uploading","requestId":7}""");
        await station.CallAsync(action, failed);
        var alarm = await WaitForOpenAsync(server, id, AlarmKinds.LogUploadFailed);
        Assert.Equal((AlarmSeverity.Minor, action), (alarm.GetProperty("severity").GetString(), alarm.GetProperty("source").GetString()));
        Assert.StartsWith(version == OcppVersion.V16 ? $"{id}: the diagnostics upload failed with UploadFailed" : $"{id}: the log upload (request 7) failed with UploadFailure",
            alarm.GetProperty("message").GetString(), StringComparison.Ordinal);

        await station.CallAsync(action, again);
        await WaitForOpenAsync(server, id, AlarmKinds.LogUploadFailed, count: 2);

        await station.CallAsync(action, version == OcppVersion.V16 ? """{"status":"Uploaded"}""" : """{"status":"Uploaded","requestId":8}""");
        AssertCleared(await WaitForClearedAsync(server, id, AlarmKinds.LogUploadFailed));
    }

    /// <summary>A registered, accepted station with a new id, connected and booted.</summary>
    internal static async Task<(string Id, TestStation Station)> BootedAsync(IskraServer server, OcppVersion version)
    {
        var id = Pages.NewId("AL");
        await server.StationAsync(id);
        var station = await TestStation.ConnectAsync(server, id, version, Seed.Password);
        var boot = version == OcppVersion.V16
            ? """{"chargePointVendor":"Sim","chargePointModel":"M1"}"""
            : """{"reason":"PowerUp","chargingStation":{"vendorName":"Sim","model":"M1"}}""";
        Assert.Equal("Accepted", (await station.CallAsync("BootNotification", boot)).GetProperty("status").GetString());
        return (id, station);
    }

    private static string Status16(int connector, string status, string error, string timestamp, string extra) =>
        $$"""{"connectorId":{{connector}},"status":"{{status}}","errorCode":"{{error}}","timestamp":"{{timestamp}}"{{extra}}}""";

    private static string Status(OcppVersion version, string status, string timestamp) => version == OcppVersion.V16
        ? Status16(1, status, "NoError", timestamp, "")
        : $$"""{"timestamp":"{{timestamp}}","connectorStatus":"{{status}}","evseId":1,"connectorId":1}""";

    private static string Problem(int eventId, string value) => JsonSerializer.Serialize(new
    {
        generatedAt = DateTimeOffset.UtcNow,
        seqNo = 0,
        eventData = new object[]
        {
            new
            {
                eventId,
                timestamp = DateTimeOffset.UtcNow,
                trigger = "Delta",
                actualValue = value,
                techCode = "FAN-01",
                techInfo = "fan stuck",
                eventNotificationType = "HardWiredNotification",
                component = new { name = "FanController", evse = new { id = 1 } },
                variable = new { name = "Problem" },
            },
        },
    });

    private static string Event(string type, string transactionId, int seqNo, bool offline, string timestamp)
    {
        var trigger = type switch
        {
            "Started" => "CablePluggedIn",
            "Ended" => "EVCommunicationLost",
            _ => "MeterValuePeriodic",
        };
        return JsonSerializer.Serialize(new
        {
            eventType = type,
            timestamp,
            triggerReason = trigger,
            seqNo,
            offline,
            transactionInfo = new { transactionId },
            evse = new { id = 1, connectorId = 1 },
        });
    }
}
