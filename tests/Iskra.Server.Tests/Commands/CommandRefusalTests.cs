using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Commands;

/// <summary>Commands refused before anything reaches the station: bad bodies (400), no meaning on the version (422), offline (409).</summary>
public sealed class CommandRefusalTests(SharedSqliteServer shared) : IClassFixture<SharedSqliteServer>
{
    private static int _stations;

    private IskraServer Server => shared.Server;

    [Theory]
    [InlineData("remote-start", "{}", "$.idTag")]
    [InlineData("remote-start", """{"idTag":5}""", "$.idTag")]
    [InlineData("remote-start", """{"idTag":"T","connectorId":"1"}""", "$.connectorId")]
    [InlineData("remote-stop", "{}", "$.transactionId")]
    [InlineData("remote-stop", """{"transactionId":true}""", "$.transactionId")]
    [InlineData("unlock", "{}", "$.connectorId")]
    [InlineData("unlock", """{"connectorId":1.5}""", "$.connectorId")]
    [InlineData("change-availability", """{"connectorId":1,"type":"Sometimes"}""", "$.type")]
    [InlineData("change-availability", """{"connectorId":"1","type":"Operative"}""", "$.connectorId")]
    [InlineData("change-availability", """{"type":"Operative"}""", "$.connectorId")]
    [InlineData("get-configuration", """{"keys":"HeartbeatInterval"}""", "$.keys")]
    [InlineData("get-configuration", """{"keys":[1]}""", "$.keys[0]")]
    [InlineData("change-configuration", """{"key":"HeartbeatInterval","value":5}""", "$.value")]
    [InlineData("change-configuration", """{"value":"5"}""", "$.key")]
    [InlineData("trigger-message", """{"message":"Nope"}""", "$.message")]
    [InlineData("trigger-message", "{}", "$.message")]
    [InlineData("data-transfer", """{"data":"x"}""", "$.vendorId")]
    [InlineData("data-transfer", "[1]", "$")]
    public async Task A_bad_body_is_400_with_the_field_on_both_versions_and_nothing_is_sent(string command, string body, string path)
    {
        foreach (var version in new[] { OcppVersion.V16, OcppVersion.V201 })
        {
            await AssertRefusedAsync(version, command, body, path);
        }
    }

    [Theory]
    [InlineData(OcppVersion.V16, "remote-start", """{"idTag":"123456789012345678901"}""", "$.idTag")] // 1.6 idTag: 20 characters
    [InlineData(OcppVersion.V201, "remote-start", """{"idTag":"1234567890123456789012345678901234567"}""", "$.idToken.idToken")] // 2.0.1: 36
    [InlineData(OcppVersion.V16, "remote-stop", """{"transactionId":"abc"}""", "$.transactionId")]
    [InlineData(OcppVersion.V16, "data-transfer", """{"vendorId":"v","data":{"a":1}}""", "$.data")]
    [InlineData(OcppVersion.V201, "change-configuration", """{"key":"NoSuchKey","value":"1"}""", "$.key")]
    [InlineData(OcppVersion.V201, "change-configuration", """{"key":"A@x.B","value":"1"}""", "$.key")]
    [InlineData(OcppVersion.V201, "get-configuration", """{"keys":["HeartbeatInterval","NoSuchKey"]}""", "$.keys[1]")]
    public Task A_body_the_station_version_cannot_take_is_400_and_nothing_is_sent(OcppVersion version, string command, string body, string path) =>
        AssertRefusedAsync(version, command, body, path);

    [Theory]
    [InlineData("""{"message":"TransactionEvent"}""")]
    [InlineData("""{"message":"SignChargingStationCertificate"}""")]
    [InlineData("""{"message":"LogStatusNotification","connectorId":1}""")]
    public async Task A_2_0_1_only_trigger_on_a_1_6_station_is_422_and_nothing_is_sent(string body)
    {
        var id = "v16-" + Interlocked.Increment(ref _stations);
        await using var station = await RespondingStation.StartAsync(Server, id, OcppVersion.V16);
        using var api = Server.Api();

        var problem = await (await api.PostJsonAsync($"/api/stations/{id}/commands/trigger-message", body)).ProblemAsync(422);

        Assert.Contains("1.6", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(station.Received);
    }

    [Theory]
    [InlineData("remote-start", """{"idTag":"T"}""")]
    [InlineData("remote-stop", """{"transactionId":1}""")]
    [InlineData("unlock", """{"connectorId":1}""")]
    [InlineData("change-availability", """{"connectorId":0,"type":"Operative"}""")]
    [InlineData("get-configuration", "")]
    [InlineData("change-configuration", """{"key":"HeartbeatInterval","value":"60"}""")]
    [InlineData("trigger-message", """{"message":"Heartbeat"}""")]
    [InlineData("clear-cache", "")]
    [InlineData("data-transfer", """{"vendorId":"v"}""")]
    public async Task A_command_to_a_registered_station_that_is_not_connected_is_409(string command, string body)
    {
        var id = "offline-" + command;
        await Server.StationAsync(id);
        using var api = Server.Api();

        await (await api.PostJsonAsync($"/api/stations/{id}/commands/{command}", body)).ProblemAsync(409);

        await using var db = Server.CreateDbContext();
        Assert.Empty(db.RemoteStarts.Where(r => r.StationId == id));
    }

    private async Task AssertRefusedAsync(OcppVersion version, string command, string body, string path)
    {
        var id = "bad-" + Interlocked.Increment(ref _stations);
        await using var station = await RespondingStation.StartAsync(Server, id, version);
        using var api = Server.Api();

        var problem = await (await api.PostJsonAsync($"/api/stations/{id}/commands/{command}", body)).ProblemAsync(400);

        var violations = problem.GetProperty("violations");
        Assert.True(violations.GetArrayLength() > 0, problem.GetRawText());
        Assert.Equal(path, violations[0].GetProperty("path").GetString());
        Assert.False(string.IsNullOrEmpty(violations[0].GetProperty("message").GetString()));
        Assert.Empty(station.Received);
        await using var db = Server.CreateDbContext();
        Assert.Empty(db.RemoteStarts.Where(r => r.StationId == id)); // no remoteStartId is spent on a refused start
    }
}
