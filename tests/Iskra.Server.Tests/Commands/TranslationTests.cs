using System.Text.Json;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Commands;

/// <summary>
/// The stateless commands of docs/commands.md ("Stations, transactions and configuration") on both
/// versions: the body in 1.6 field names becomes exactly this schema-valid call, and the station's
/// answer comes back as <c>{status, response}</c>.
/// </summary>
public sealed class TranslationTests(SharedSqliteServer shared) : IClassFixture<SharedSqliteServer>
{
    private IskraServer Server => shared.Server;

    [Theory]
    [InlineData("t-unlock-16", OcppVersion.V16, "unlock", """{"connectorId":2}""", "UnlockConnector", """{"connectorId":2}""", """{"status":"Unlocked"}""", "Unlocked")]
    [InlineData("t-unlock-201", OcppVersion.V201, "unlock", """{"connectorId":2}""", "UnlockConnector", """{"evseId":2,"connectorId":1}""", """{"status":"Unlocked"}""", "Unlocked")]
    [InlineData("t-unlock-201c", OcppVersion.V201, "unlock", """{"connectorId":2,"evseConnectorId":3}""", "UnlockConnector", """{"evseId":2,"connectorId":3}""", """{"status":"UnknownConnector"}""", "UnknownConnector")]
    [InlineData("t-avail-16", OcppVersion.V16, "change-availability", """{"connectorId":0,"type":"Inoperative"}""", "ChangeAvailability", """{"connectorId":0,"type":"Inoperative"}""", """{"status":"Scheduled"}""", "Scheduled")]
    [InlineData("t-avail-201", OcppVersion.V201, "change-availability", """{"connectorId":0,"type":"Inoperative"}""", "ChangeAvailability", """{"operationalStatus":"Inoperative"}""", """{"status":"Accepted"}""", "Accepted")]
    [InlineData("t-avail-201e", OcppVersion.V201, "change-availability", """{"connectorId":2,"type":"Operative"}""", "ChangeAvailability", """{"operationalStatus":"Operative","evse":{"id":2}}""", """{"status":"Rejected"}""", "Rejected")]
    [InlineData("t-trig-16", OcppVersion.V16, "trigger-message", """{"message":"StatusNotification","connectorId":1}""", "TriggerMessage", """{"requestedMessage":"StatusNotification","connectorId":1}""", """{"status":"Accepted"}""", "Accepted")]
    [InlineData("t-trig-16d", OcppVersion.V16, "trigger-message", """{"message":"DiagnosticsStatusNotification"}""", "TriggerMessage", """{"requestedMessage":"DiagnosticsStatusNotification"}""", """{"status":"NotImplemented"}""", "NotImplemented")]
    [InlineData("t-trig-201", OcppVersion.V201, "trigger-message", """{"message":"StatusNotification","connectorId":1}""", "TriggerMessage", """{"requestedMessage":"StatusNotification","evse":{"id":1}}""", """{"status":"Accepted"}""", "Accepted")]
    [InlineData("t-trig-201d", OcppVersion.V201, "trigger-message", """{"message":"DiagnosticsStatusNotification"}""", "TriggerMessage", """{"requestedMessage":"LogStatusNotification"}""", """{"status":"Accepted"}""", "Accepted")]
    [InlineData("t-trig-201t", OcppVersion.V201, "trigger-message", """{"message":"TransactionEvent","connectorId":0}""", "TriggerMessage", """{"requestedMessage":"TransactionEvent"}""", """{"status":"NotImplemented"}""", "NotImplemented")]
    [InlineData("t-trig-201s", OcppVersion.V201, "trigger-message", """{"message":"SignChargingStationCertificate"}""", "TriggerMessage", """{"requestedMessage":"SignChargingStationCertificate"}""", """{"status":"Rejected"}""", "Rejected")]
    [InlineData("t-cache-16", OcppVersion.V16, "clear-cache", "", "ClearCache", "{}", """{"status":"Accepted"}""", "Accepted")]
    [InlineData("t-cache-201", OcppVersion.V201, "clear-cache", "{}", "ClearCache", "{}", """{"status":"Rejected"}""", "Rejected")]
    [InlineData("t-data-16", OcppVersion.V16, "data-transfer", """{"vendorId":"com.iskra","messageId":"ping","data":"hello"}""", "DataTransfer", """{"vendorId":"com.iskra","messageId":"ping","data":"hello"}""", """{"status":"Accepted","data":"pong"}""", "Accepted")]
    [InlineData("t-data-16n", OcppVersion.V16, "data-transfer", """{"vendorId":"com.iskra"}""", "DataTransfer", """{"vendorId":"com.iskra"}""", """{"status":"UnknownVendorId"}""", "UnknownVendorId")]
    [InlineData("t-data-201", OcppVersion.V201, "data-transfer", """{"vendorId":"com.iskra","data":{"a":[1,2],"b":null}}""", "DataTransfer", """{"vendorId":"com.iskra","data":{"a":[1,2],"b":null}}""", """{"status":"Accepted","data":{"ok":true}}""", "Accepted")]
    [InlineData("t-stop-16s", OcppVersion.V16, "remote-stop", """{"transactionId":"12345"}""", "RemoteStopTransaction", """{"transactionId":12345}""", """{"status":"Accepted"}""", "Accepted")]
    [InlineData("t-stop-16n", OcppVersion.V16, "remote-stop", """{"transactionId":777}""", "RemoteStopTransaction", """{"transactionId":777}""", """{"status":"Rejected"}""", "Rejected")]
    [InlineData("t-stop-201s", OcppVersion.V201, "remote-stop", """{"transactionId":"abc-1"}""", "RequestStopTransaction", """{"transactionId":"abc-1"}""", """{"status":"Accepted"}""", "Accepted")]
    [InlineData("t-stop-201n", OcppVersion.V201, "remote-stop", """{"transactionId":42}""", "RequestStopTransaction", """{"transactionId":"42"}""", """{"status":"Rejected"}""", "Rejected")]
    public async Task A_command_becomes_the_call_of_the_station_version_and_answers_the_station_status(
        string stationId, OcppVersion version, string command, string body, string action, string expectedPayload, string answer, string expectedStatus)
    {
        await using var station = await RespondingStation.StartAsync(Server, stationId, version);
        station.Answer(action, answer);
        using var api = Server.Api();

        var reply = await (await api.PostJsonAsync($"/api/stations/{stationId}/commands/{command}", body)).JsonAsync(200);

        JsonAssert.Equal(expectedPayload, station.Last(action).Payload);
        Assert.Single(station.Received);
        Assert.Equal(expectedStatus, reply.GetProperty("status").GetString());
        JsonAssert.Equal(answer, reply.GetProperty("response"));
    }

    [Fact]
    public async Task A_remote_stop_of_a_transaction_Iskra_does_not_know_is_still_sent()
    {
        await using var station = await RespondingStation.StartAsync(Server, "t-stop-unknown", OcppVersion.V201);
        station.Answer("RequestStopTransaction", """{"status":"Rejected"}""");
        await using (var db = Server.CreateDbContext())
        {
            Assert.DoesNotContain(db.Transactions, t => t.TransactionId == "never-seen");
        }

        using var api = Server.Api();
        var reply = await (await api.PostJsonAsync("/api/stations/t-stop-unknown/commands/remote-stop", """{"transactionId":"never-seen"}""")).JsonAsync(200);

        Assert.Equal("never-seen", station.Last("RequestStopTransaction").Payload.GetProperty("transactionId").GetString());
        Assert.Equal("Rejected", reply.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Object, reply.GetProperty("response").ValueKind);
    }
}
