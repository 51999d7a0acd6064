using Iskra.Csms.Stations;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Simulator.Stations;

namespace Iskra.Server.Tests.Simulator.RemoteControl;

/// <summary>TriggerMessage from Iskra: the station answers, then the requested message arrives.</summary>
public sealed class RemoteControlTriggerTests(SharedSqliteServer shared) : IClassFixture<SharedSqliteServer>
{
    private IskraServer Server => shared.Server;

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task Triggered_messages_arrive_after_the_answer(OcppVersion version)
    {
        var id = $"sim-rc-trigger-{version}";
        await Server.IdTagAsync("RC-TRIGGER-" + version);
        await using var station = await SimulatedStations.StartAsync(Server, id, version, o => o with { Configuration = new Dictionary<string, string>() });
        using var api = Server.Api();
        await station.StartSessionAsync(1, "RC-TRIGGER-" + version);
        await station.SettleAsync();

        await TriggerAsync(api, station, "Heartbeat", null, "Heartbeat");
        var status = await TriggerAsync(api, station, "StatusNotification", 2, "StatusNotification");
        Assert.Equal(2, status.GetProperty(version == OcppVersion.V16 ? "connectorId" : "evseId").GetInt32());
        var meter = await TriggerAsync(api, station, "MeterValues", 1, "MeterValues");
        Assert.Equal("Trigger", meter.GetProperty("meterValue")[0].GetProperty("sampledValue")[0].GetProperty("context").GetString());
        // The last firmware update (request 7) was installed: a trigger reports Idle (L01.FR.25), with the request on 2.0.1.
        station.FirmwareStatus = "Installed";
        station.FirmwareRequestId = 7;
        var firmware = await TriggerAsync(api, station, "FirmwareStatusNotification", null, "FirmwareStatusNotification");
        Assert.Equal("Idle", firmware.GetProperty("status").GetString());
        Assert.Equal(version == OcppVersion.V201, firmware.TryGetProperty("requestId", out var requestId) && requestId.GetInt32() == 7);
        var upload = await TriggerAsync(api, station, "DiagnosticsStatusNotification", null, version == OcppVersion.V16 ? "DiagnosticsStatusNotification" : "LogStatusNotification");
        Assert.Equal("Idle", upload.GetProperty("status").GetString());
        Assert.Equal("Rejected", (await api.CommandAsync(id, "trigger-message", """{"message":"StatusNotification","connectorId":5}""")).Status());

        if (version == OcppVersion.V16)
        {
            // The transactionId the CSMS gave rides along; a 1.6 station may boot again when asked.
            Assert.Equal(station.Connector(1).Session!.CsmsTransactionId, meter.GetProperty("transactionId").GetInt32());
            await TriggerAsync(api, station, "BootNotification", null, "BootNotification", sentBefore: 1);
            Assert.Equal("Accepted", (await api.RawAsync(id, "ExtendedTriggerMessage", """{"requestedMessage":"LogStatusNotification"}""")).Status());
            await station.WaitForSentAsync("LogStatusNotification");
            Assert.Equal("Accepted", (await api.RawAsync(id, "ExtendedTriggerMessage", """{"requestedMessage":"SignChargePointCertificate"}""")).Status());
            await station.WaitForSentAsync("SignCertificate");
            Assert.Equal("Accepted", (await api.RawAsync(id, "ExtendedTriggerMessage", """{"requestedMessage":"FirmwareStatusNotification"}""")).Status());
            await station.WaitForSentAsync("SignedFirmwareStatusNotification");
            var signed = station.Sent("SignedFirmwareStatusNotification")[0];
            Assert.Equal("Idle", signed.GetProperty("status").GetString());
            Assert.Equal(7, signed.GetProperty("requestId").GetInt32());
        }
        else
        {
            var sentBefore = station.Sent("TransactionEvent").Count;
            var transaction = await TriggerAsync(api, station, "TransactionEvent", 1, "TransactionEvent", sentBefore);
            Assert.Equal("Updated", transaction.GetProperty("eventType").GetString());
            Assert.Equal("Trigger", transaction.GetProperty("triggerReason").GetString());
            Assert.Equal(1, transaction.GetProperty("evse").GetProperty("id").GetInt32());
            Assert.Equal(station.Connector(1).Session!.LocalId, transaction.GetProperty("transactionInfo").GetProperty("transactionId").GetString());
            Assert.Equal("Rejected", (await api.CommandAsync(id, "trigger-message", """{"message":"TransactionEvent","connectorId":2}""")).Status());

            // F06.FR.17: an accepted station does not boot again; TC_F_27_CS: not implemented.
            Assert.Equal("Rejected", (await api.CommandAsync(id, "trigger-message", """{"message":"BootNotification"}""")).Status());
            Assert.Equal("NotImplemented", (await api.RawAsync(id, "TriggerMessage", """{"requestedMessage":"SignCombinedCertificate"}""")).Status());
        }

        await station.SettleAsync();
        await station.AssertSentFramesValidAsync();
    }

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task A_triggered_boot_notification_ends_the_pending_wait_at_once(OcppVersion version)
    {
        var id = $"sim-rc-pending-{version}";
        await Server.StationAsync(id, status: RegistrationState.Pending);
        await using var station = new SimStation(SimulatedStations.Options(Server, id, version));
        station.Start();
        await station.WaitUntilAsync(s => s.Registration == "Pending", TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        using var api = Server.Api();

        // Iskra answered the first boot Pending with a 300 s interval: only a trigger brings the next one now.
        var answer = await api.CommandAsync(id, "trigger-message", """{"message":"BootNotification"}""");

        Assert.Equal("Accepted", answer.Status());
        await station.WaitForSentAsync("BootNotification", 2);
        await station.WaitUntilAsync(s => s.Log.Entries.Count(e => e.Kind == "received" && e.Text.Contains("\"Pending\"", StringComparison.Ordinal)) == 2, TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.False(station.IsOnline);

        // Approving the station makes Iskra trigger the boot itself; the station answers and boots at once.
        using var approved = await api.PatchAsync($"/api/stations/{id}", JsonContent("""{"registrationStatus":"Accepted"}"""), TestContext.Current.CancellationToken);
        Assert.True(approved.IsSuccessStatusCode, approved.ToString());
        await station.WaitUntilAsync(s => s.IsOnline, TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.Equal(3, station.Sent("BootNotification").Count);
        Assert.Equal("Accepted", station.Registration);
        await station.AssertSentFramesValidAsync();
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    /// <summary>Sends trigger-message, expects Accepted, and returns the payload of the message it brought.</summary>
    private static async Task<System.Text.Json.JsonElement> TriggerAsync(HttpClient api, SimStation station, string message, int? connectorId, string action, int? sentBefore = null)
    {
        var before = sentBefore ?? station.Sent(action).Count;
        var body = connectorId is { } c ? $$"""{"message":"{{message}}","connectorId":{{c}}}""" : $$"""{"message":"{{message}}"}""";
        var answer = await api.CommandAsync(station.Id, "trigger-message", body);
        Assert.Equal("Accepted", answer.Status());
        await station.WaitForSentAsync(action, before + 1);
        return station.Sent(action)[before];
    }
}
