using System.Net.WebSockets;
using Iskra.Csms.Alarms;
using Iskra.Csms.Integration;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Server.Tests.Resources;
using Iskra.Server.Tests.Simulator;
using Iskra.Server.Tests.Transport;
using Iskra.Simulator.Faults;
using Microsoft.Extensions.DependencyInjection;

namespace Iskra.Server.Tests.Alarms;

/// <summary>
/// The alarms found by time (an update or upload that never finishes, repeated refusals) and those raised by simulated
/// stations (a faulted connector, a drifting clock) and by the catalog at boot, on both databases.
/// </summary>
public sealed class TimedAndSimulatedAlarmTests(AlarmSqliteServer sqlite, AlarmPostgresServer postgres) : AlarmTests(sqlite, postgres)
{
    [Theory]
    [MemberData(nameof(Matrix.ProvidersAndVersions), MemberType = typeof(Matrix))]
    public async Task A_firmware_update_that_does_not_finish_in_time_opens_one_alarm_and_Installed_clears_it(string provider, OcppVersion version)
    {
        var server = On(provider);
        var id = Pages.NewId("FW");
        await using var station = await RespondingStation.StartAsync(server, id, version);
        station.Answer("UpdateFirmware", version == OcppVersion.V16 ? "{}" : """{"status":"Accepted"}""");
        await (await server.Api().PostJsonAsync($"/api/stations/{id}/commands/update-firmware",
            """{"location":"https://firmware.example.com/v3.bin","retrieveDate":"2020-01-01T00:00:00Z"}""")).JsonAsync(200);
        var request = version == OcppVersion.V16 ? "" : $",\"requestId\":{station.Last("UpdateFirmware").Payload.GetProperty("requestId").GetInt32()}";
        await station.CallAsync("FirmwareStatusNotification", $$"""{"status":"Downloading"{{request}}}""");

        var alarm = await WaitForOpenAsync(server, id, AlarmKinds.FirmwareUpdateFailed);
        Assert.Equal(("Iskra", AlarmSeverity.Major), (alarm.GetProperty("source").GetString(), alarm.GetProperty("severity").GetString()));
        Assert.Contains("has not finished within 2 s (still Downloading)", alarm.GetProperty("message").GetString(), StringComparison.Ordinal);
        await SeveralChecksAsync();
        await WaitForOpenAsync(server, id, AlarmKinds.FirmwareUpdateFailed); // still one, counted once

        await station.CallAsync("FirmwareStatusNotification", $$"""{"status":"Installed"{{request}}}""");
        AssertCleared(await WaitForClearedAsync(server, id, AlarmKinds.FirmwareUpdateFailed));
        await SeveralChecksAsync();
        Assert.Single(await AlarmsAsync(server, id, AlarmKinds.FirmwareUpdateFailed)); // a finished update opens nothing again
    }

    [Theory]
    [MemberData(nameof(Matrix.ProvidersAndVersions), MemberType = typeof(Matrix))]
    public async Task An_upload_that_is_not_Uploaded_in_time_opens_one_alarm_and_Uploaded_clears_it(string provider, OcppVersion version)
    {
        var server = On(provider);
        var id = Pages.NewId("LOG");
        await using var station = await RespondingStation.StartAsync(server, id, version);
        var (call, answer, action) = version == OcppVersion.V16
            ? ("GetDiagnostics", """{"fileName":"diag.zip"}""", "DiagnosticsStatusNotification")
            : ("GetLog", """{"status":"Accepted","filename":"log.zip"}""", "LogStatusNotification");
        station.Answer(call, answer);
        await (await server.Api().PostJsonAsync($"/api/stations/{id}/commands/get-diagnostics", """{"location":"https://logs.example.com/upload"}""")).JsonAsync(200);
        var request = version == OcppVersion.V16 ? "" : $",\"requestId\":{station.Last(call).Payload.GetProperty("requestId").GetInt32()}";
        await station.CallAsync(action, $$"""{"status":"Uploading"{{request}}}""");

        var alarm = await WaitForOpenAsync(server, id, AlarmKinds.LogUploadFailed);
        Assert.Equal(("Iskra", AlarmSeverity.Minor), (alarm.GetProperty("source").GetString(), alarm.GetProperty("severity").GetString()));
        Assert.Contains("has not finished within 2 s (still Uploading)", alarm.GetProperty("message").GetString(), StringComparison.Ordinal);
        await SeveralChecksAsync();
        await WaitForOpenAsync(server, id, AlarmKinds.LogUploadFailed);

        await station.CallAsync(action, $$"""{"status":"Uploaded"{{request}}}""");
        AssertCleared(await WaitForClearedAsync(server, id, AlarmKinds.LogUploadFailed));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Repeated_refusals_of_a_registered_station_open_one_alarm_that_counts_and_clears_once_it_connects(string provider)
    {
        var server = On(provider);
        var id = Pages.NewId("REF");
        await server.StationAsync(id);
        await RefusedAsync(server, id, 2);
        await SeveralChecksAsync();
        Assert.Empty(await AlarmsAsync(server, id, AlarmKinds.ConnectionRefused)); // two are not three

        await RefusedAsync(server, id, 1);
        var alarm = await WaitForOpenAsync(server, id, AlarmKinds.ConnectionRefused);
        Assert.Equal((AlarmSeverity.Major, "BadCredentials"), (alarm.GetProperty("severity").GetString(), alarm.GetProperty("code").GetString()));
        Assert.StartsWith($"{id}: 3 connections refused within 60 s (the latest from 127.0.0.1 ", alarm.GetProperty("message").GetString(), StringComparison.Ordinal);

        await RefusedAsync(server, id, 3);
        await WaitForOpenAsync(server, id, AlarmKinds.ConnectionRefused, count: 2);

        // An id nobody registered opens nothing, however often it is refused.
        var stranger = Pages.NewId("REF");
        await RefusedAsync(server, stranger, 4);

        await using (var station = await TestStation.ConnectAsync(server, id, OcppVersion.V16, Seed.Password))
        {
            AssertCleared(await WaitForClearedAsync(server, id, AlarmKinds.ConnectionRefused));
        }

        Assert.Empty(await AlarmsAsync(server, stranger, AlarmKinds.ConnectionRefused));
    }

    [Theory]
    [MemberData(nameof(Matrix.ProvidersAndVersions), MemberType = typeof(Matrix))]
    public async Task A_simulated_connector_fault_opens_ConnectorFaulted_and_clearing_the_fault_clears_it(string provider, OcppVersion version)
    {
        var server = On(provider);
        var id = Pages.NewId("SIM");
        await using var station = await SimulatedStations.StartAsync(server, id, version);
        await station.FaultAsync(1, "GroundFailure");

        var alarm = await WaitForOpenAsync(server, id, AlarmKinds.ConnectorFaulted);
        Assert.Equal(1, alarm.GetProperty("connectorId").GetInt32());
        Assert.Contains(version == OcppVersion.V16 ? "reports GroundFailure since" : "reports Faulted since", alarm.GetProperty("message").GetString(), StringComparison.Ordinal);

        await station.ClearFaultAsync(1);
        AssertCleared(await WaitForClearedAsync(server, id, AlarmKinds.ConnectorFaulted));
    }

    [Theory]
    [MemberData(nameof(Matrix.ProvidersAndVersions), MemberType = typeof(Matrix))]
    public async Task A_simulated_station_with_a_drifting_clock_opens_ClockSkew_and_a_set_clock_clears_it(string provider, OcppVersion version)
    {
        var server = On(provider);
        var id = Pages.NewId("SIM");
        await using var station = await SimulatedStations.StartAsync(server, id, version);
        station.Faults.Set(StationFault.DriftingClock, true);
        await station.FaultAsync(1);

        var alarm = await WaitForOpenAsync(server, id, AlarmKinds.ClockSkew);
        Assert.Contains("ahead of Iskra's", alarm.GetProperty("message").GetString(), StringComparison.Ordinal);

        station.Faults.Set(StationFault.DriftingClock, false);
        await station.ClearFaultAsync(1);
        AssertCleared(await WaitForClearedAsync(server, id, AlarmKinds.ClockSkew));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_boot_with_an_untested_firmware_opens_FirmwareNotTested_a_repeat_counts_and_a_tested_boot_clears_it(string provider)
    {
        var server = On(provider);
        var vendor = Pages.NewId("ACME");
        await server.Services.GetRequiredService<CatalogService>().RecordRunAsync(
            new LabRunOutcome(Pages.NewId("run"), "LAB-1", vendor, "X1", "2.2.0", "1.6", DateTimeOffset.UtcNow, [new("Core", 10, 0, 0, 0)]), Ct);
        var id = Pages.NewId("CAT");
        await server.StationAsync(id);
        await using var station = await TestStation.ConnectAsync(server, id, OcppVersion.V16, Seed.Password);

        await station.CallAsync("BootNotification", $$"""{"chargePointVendor":"{{vendor}}","chargePointModel":"X1","firmwareVersion":"2.3.1"}""");
        var alarm = await WaitForOpenAsync(server, id, AlarmKinds.FirmwareNotTested);
        Assert.Equal(AlarmSeverity.Warning, alarm.GetProperty("severity").GetString());
        await station.CallAsync("BootNotification", $$"""{"chargePointVendor":"{{vendor}}","chargePointModel":"X1","firmwareVersion":"2.3.1"}""");
        await WaitForOpenAsync(server, id, AlarmKinds.FirmwareNotTested, count: 2);

        await station.CallAsync("BootNotification", $$"""{"chargePointVendor":"{{vendor}}","chargePointModel":"X1","firmwareVersion":"2.2.0"}""");
        AssertCleared(await WaitForClearedAsync(server, id, AlarmKinds.FirmwareNotTested));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task With_integrated_models_only_an_unknown_model_opens_ModelNotIntegrated_and_a_boot_once_it_is_integrated_clears_it(string provider)
    {
        await using var server = await IskraServer.StartAsync(await TestDatabase.CreateAsync(provider), new Dictionary<string, string?> { ["Catalog:IntegratedOnly"] = "true" });
        var vendor = Pages.NewId("ACME");
        var id = Pages.NewId("CAT");
        await server.StationAsync(id);
        await using var station = await TestStation.ConnectAsync(server, id, OcppVersion.V16, Seed.Password);
        var boot = $$"""{"chargePointVendor":"{{vendor}}","chargePointModel":"Q7","firmwareVersion":"1.0"}""";

        Assert.Equal("Pending", (await station.CallAsync("BootNotification", boot)).GetProperty("status").GetString());
        await WaitForOpenAsync(server, id, AlarmKinds.ModelNotIntegrated);
        await station.CallAsync("BootNotification", boot);
        await WaitForOpenAsync(server, id, AlarmKinds.ModelNotIntegrated, count: 2);

        await server.Services.GetRequiredService<CatalogService>().RecordRunAsync(
            new LabRunOutcome(Pages.NewId("run"), "LAB-1", vendor, "Q7", "1.0", "1.6", DateTimeOffset.UtcNow, [new("Core", 10, 0, 0, 0)]), Ct);
        await DrainAsync(station);
        Assert.Equal("Accepted", (await station.CallAsync("BootNotification", boot)).GetProperty("status").GetString());
        AssertCleared(await WaitForClearedAsync(server, id, AlarmKinds.ModelNotIntegrated));
    }

    /// <summary>Answers the TriggerMessage BootNotification that integrating the model sends to the Pending station.</summary>
    private static async Task DrainAsync(TestStation station)
    {
        var trigger = await station.Socket.ReceiveJsonAsync();
        Assert.Equal("TriggerMessage", trigger[2].GetString());
        await station.Socket.SendTextAsync($"[3,\"{trigger[1].GetString()}\",{{\"status\":\"Accepted\"}}]");
    }

    private static async Task RefusedAsync(IskraServer server, string id, int times)
    {
        for (var i = 0; i < times; i++)
        {
            await Assert.ThrowsAnyAsync<WebSocketException>(() => TestStation.ConnectAsync(server, id, OcppVersion.V16, "wrong-password-0123456"));
        }
    }
}
