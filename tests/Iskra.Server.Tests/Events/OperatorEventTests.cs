using Iskra.Csms.Access;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Events;

/// <summary>
/// The events of operator actions and of the station reports outside a session: station registered,
/// updated and deleted, alarm acknowledged, firmware and log statuses, reservations; each after the real
/// API call or station message, on both databases.
/// </summary>
public sealed class OperatorEventTests(SharedSqliteServer sqlite, SharedPostgresServer postgres) : BothDatabases(sqlite, postgres)
{
    private static readonly string[] CommandEvents = ["station.connected", "command.sent", "command.answered"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Registering_editing_and_deleting_a_station_are_announced_without_its_password(string provider)
    {
        var server = On(provider);
        var id = $"evt-station-{provider}";
        await using var events = await SseClient.OpenAsync(server, id);

        await (await server.Api().PostJsonAsync("/api/stations", $$"""{"id":"{{id}}","securityProfile":1,"description":"Depot"}""")).JsonAsync(201);
        var registered = await events.NextAsync();
        Assert.Equal(("station.registered", id), (registered.Type, registered.StationId));
        Assert.Equal(("Depot", 1, "Accepted", true), (registered.Data.GetProperty("description").GetString(), registered.Data.GetProperty("securityProfile").GetInt32(), registered.Data.GetProperty("registrationStatus").GetString(), registered.Data.GetProperty("hasPassword").GetBoolean()));
        Assert.Empty(registered.Data.GetProperty("changed").EnumerateArray());

        var edited = await (await server.Api().PatchAsync(new Uri($"/api/stations/{id}", UriKind.Relative),
            new StringContent("""{"description":"Depot north","password":"generate","registrationStatus":"Accepted"}""", System.Text.Encoding.UTF8, "application/json"), Ct)).JsonAsync(200);
        var password = edited.GetProperty("password").GetString()!;
        var updated = await events.NextAsync();
        Assert.Equal("station.updated", updated.Type);
        Assert.Equal(["description", "password"], updated.Data.GetProperty("changed").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("Depot north", updated.Data.GetProperty("description").GetString());
        Assert.DoesNotContain(password, updated.Message.GetRawText(), StringComparison.Ordinal);
        Assert.False(updated.Data.TryGetProperty("password", out _));

        var deleted = await server.Api().DeleteAsync(new Uri($"/api/stations/{id}", UriKind.Relative), Ct);
        Assert.Equal(204, (int)deleted.StatusCode);
        var gone = await events.NextAsync();
        Assert.Equal(("station.deleted", id, false), (gone.Type, gone.StationId, gone.Data.GetProperty("wasConnected").GetBoolean()));
        Assert.True(registered.Id < updated.Id && updated.Id < gone.Id);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Deleting_a_connected_station_says_its_connection_was_closed(string provider)
    {
        var server = On(provider);
        var id = $"evt-delete-live-{provider}";
        await using var events = await SseClient.OpenAsync(server, id);
        await using var station = await RespondingStation.StartAsync(server, id, OcppVersion.V201);
        Assert.Equal("station.connected", (await events.NextAsync()).Type);

        var deleted = await server.Api().DeleteAsync(new Uri($"/api/stations/{id}", UriKind.Relative), Ct);
        Assert.Equal(204, (int)deleted.StatusCode);
        var gone = await events.NextOfAsync("station.deleted", "station.disconnected");
        Assert.True(gone.Data.GetProperty("wasConnected").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Acknowledging_an_alarm_is_announced_once_with_who_acknowledged_it(string provider)
    {
        var server = On(provider);
        var id = $"evt-ack-{provider}";
        await using var events = await SseClient.OpenAsync(server, id);
        await using var station = await RespondingStation.StartAsync(server, id, OcppVersion.V16);
        await station.CallAsync("StatusNotification", """{"connectorId":1,"errorCode":"OverVoltage","status":"Faulted"}""");
        var raised = await events.NextOfAsync("alarm.raised", "station.connected", "station.status");
        var alarmId = raised.Data.GetProperty("id").GetInt64();

        using var operatorKey = await server.ApiAsync(ApiRole.Operator);
        var acknowledged = await (await operatorKey.PostJsonAsync($"/api/alarms/{alarmId}/acknowledge", "")).JsonAsync(200);
        await (await operatorKey.PostJsonAsync($"/api/alarms/{alarmId}/acknowledge", "")).JsonAsync(200); // again: nothing changes, nothing announced
        await station.CallAsync("StatusNotification", """{"connectorId":1,"errorCode":"NoError","status":"Available"}""");

        var ack = await events.NextAsync();
        Assert.Equal(("alarm.acknowledged", id, alarmId, "OverVoltage"), (ack.Type, ack.StationId, ack.Data.GetProperty("id").GetInt64(), ack.Data.GetProperty("code").GetString()));
        Assert.Equal(acknowledged.GetProperty("acknowledgedBy").GetString(), ack.Data.GetProperty("acknowledgedBy").GetString());
        Assert.StartsWith("test-Operator", ack.Data.GetProperty("acknowledgedBy").GetString(), StringComparison.Ordinal);
        Assert.Equal("station.status", (await events.NextAsync()).Type); // not a second alarm.acknowledged
    }

    [Theory]
    [MemberData(nameof(Matrix.ProvidersAndVersions), MemberType = typeof(Matrix))]
    public async Task Firmware_status_notifications_are_announced_with_their_update(string provider, OcppVersion version)
    {
        var server = On(provider);
        var id = $"evt-fw-{provider}-{(version == OcppVersion.V16 ? "16" : "201")}";
        await using var events = await SseClient.OpenAsync(server, id);
        await using var station = await RespondingStation.StartAsync(server, id, version);
        station.Answer("UpdateFirmware", version == OcppVersion.V16 ? "{}" : """{"status":"Accepted"}""");
        await (await server.Api().PostJsonAsync($"/api/stations/{id}/commands/update-firmware",
            """{"location":"https://firmware.example.com/v3.bin","retrieveDate":"2026-12-01T02:00:00Z"}""")).JsonAsync(200);
        int? requestId = version == OcppVersion.V201 ? station.Last("UpdateFirmware").Payload.GetProperty("requestId").GetInt32() : null;
        var updates = await (await server.Api().GetAsync(new Uri($"/api/stations/{id}/firmware-updates", UriKind.Relative), Ct)).JsonAsync(200);
        var updateId = Assert.Single(updates.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt64();

        await station.CallAsync("FirmwareStatusNotification", requestId is null ? """{"status":"Downloading"}""" : $$"""{"status":"Downloading","requestId":{{requestId}}}""");
        var status = await events.NextOfAsync("firmware.status", CommandEvents);
        Assert.Equal(("Downloading", updateId), (status.Data.GetProperty("status").GetString(), status.Data.GetProperty("firmwareUpdateId").GetInt64()));
        Assert.Equal(requestId, status.Data.GetProperty("requestId").ValueKind == System.Text.Json.JsonValueKind.Null ? null : status.Data.GetProperty("requestId").GetInt32());

        await station.CallAsync("FirmwareStatusNotification", """{"status":"Idle"}""");
        var idle = await events.NextAsync();
        Assert.Equal(("firmware.status", "Idle", System.Text.Json.JsonValueKind.Null), (idle.Type, idle.Data.GetProperty("status").GetString(), idle.Data.GetProperty("firmwareUpdateId").ValueKind));
    }

    [Theory]
    [MemberData(nameof(Matrix.ProvidersAndVersions), MemberType = typeof(Matrix))]
    public async Task Log_status_notifications_are_announced_with_their_upload_request(string provider, OcppVersion version)
    {
        var server = On(provider);
        var id = $"evt-log-{provider}-{(version == OcppVersion.V16 ? "16" : "201")}";
        await using var events = await SseClient.OpenAsync(server, id);
        await using var station = await RespondingStation.StartAsync(server, id, version);
        station.Answer("GetDiagnostics", """{"fileName":"d.zip"}""").Answer("GetLog", """{"status":"Accepted","filename":"d.zip"}""");
        await (await server.Api().PostJsonAsync($"/api/stations/{id}/commands/get-diagnostics", "{}")).JsonAsync(200);
        int? requestId = version == OcppVersion.V201 ? station.Last("GetLog").Payload.GetProperty("requestId").GetInt32() : null;
        var requests = await (await server.Api().GetAsync(new Uri($"/api/stations/{id}/upload-requests", UriKind.Relative), Ct)).JsonAsync(200);
        var requestRowId = Assert.Single(requests.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt64();

        await (version == OcppVersion.V16
            ? station.CallAsync("DiagnosticsStatusNotification", """{"status":"Uploaded"}""")
            : station.CallAsync("LogStatusNotification", $$"""{"status":"Uploaded","requestId":{{requestId}}}"""));
        var status = await events.NextOfAsync("log.status", CommandEvents);
        Assert.Equal(("Uploaded", requestRowId), (status.Data.GetProperty("status").GetString(), status.Data.GetProperty("uploadRequestId").GetInt64()));
        Assert.Equal(requestId, status.Data.GetProperty("requestId").ValueKind == System.Text.Json.JsonValueKind.Null ? null : status.Data.GetProperty("requestId").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_reservation_is_announced_when_accepted_cancelled_and_expired(string provider)
    {
        var server = On(provider);
        var id = $"evt-res-{provider}";
        await server.IdTagAsync($"EVT-RES-{provider}");
        await using var events = await SseClient.OpenAsync(server, id);
        await using var station = await RespondingStation.StartAsync(server, id, OcppVersion.V201);
        station.Answer("ReserveNow", """{"status":"Accepted"}""").Answer("CancelReservation", """{"status":"Accepted"}""");

        await (await server.Api().PostJsonAsync($"/api/stations/{id}/commands/reserve-now", $$"""{"connectorId":1,"expiryDate":"2030-01-01T10:00:00Z","idTag":"EVT-RES-{{provider}}","reservationId":801}""")).JsonAsync(200);
        var accepted = await events.NextOfAsync("reservation.status", CommandEvents);
        Assert.Equal((801, "Accepted", 1, $"EVT-RES-{provider}"), (accepted.Data.GetProperty("reservationId").GetInt32(), accepted.Data.GetProperty("status").GetString(), accepted.Data.GetProperty("connectorId").GetInt32(), accepted.Data.GetProperty("idTag").GetString()));

        await (await server.Api().PostJsonAsync($"/api/stations/{id}/commands/cancel-reservation", """{"reservationId":801}""")).JsonAsync(200);
        var cancelled = await events.NextOfAsync("reservation.status", CommandEvents);
        Assert.Equal((801, "Cancelled"), (cancelled.Data.GetProperty("reservationId").GetInt32(), cancelled.Data.GetProperty("status").GetString()));
        Assert.Equal(accepted.Data.GetProperty("id").GetInt64(), cancelled.Data.GetProperty("id").GetInt64());

        await (await server.Api().PostJsonAsync($"/api/stations/{id}/commands/reserve-now", $$"""{"expiryDate":"2030-01-01T10:00:00Z","idTag":"EVT-RES-{{provider}}","reservationId":802}""")).JsonAsync(200);
        Assert.Equal("Accepted", (await events.NextOfAsync("reservation.status", CommandEvents)).Data.GetProperty("status").GetString());
        await station.CallAsync("ReservationStatusUpdate", """{"reservationId":802,"reservationUpdateStatus":"Expired"}""");
        var expired = await events.NextOfAsync("reservation.status", CommandEvents); // command.answered follows the stored answer
        Assert.Equal(("reservation.status", 802, "Expired"), (expired.Type, expired.Data.GetProperty("reservationId").GetInt32(), expired.Data.GetProperty("status").GetString()));
    }
}
