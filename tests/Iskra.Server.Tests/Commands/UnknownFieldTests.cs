using Iskra.Csms.RemoteControl;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Iskra.Server.Tests.Commands;

/// <summary>
/// SPEC §2.2: a command body's fields are the command's own. A field it does not take (a typo such as
/// <c>connector</c> for <c>connectorId</c>) is a 400 that names it and lists the expected fields, and
/// nothing reaches the station: a typo must never start a real session on a connector the station chose.
/// </summary>
public sealed class UnknownFieldTests(SharedSqliteServer shared) : IClassFixture<SharedSqliteServer>
{
    private static int _stations;

    private IskraServer Server => shared.Server;

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task A_remote_start_with_a_mistyped_connector_is_400_and_starts_nothing(OcppVersion version)
    {
        var (id, station) = await StationAsync(version);
        await using var _ = station;
        station.Answer(version == OcppVersion.V16 ? "RemoteStartTransaction" : "RequestStartTransaction", """{"status":"Accepted"}""");
        using var api = Server.Api();

        var problem = await (await api.PostJsonAsync($"/api/stations/{id}/commands/remote-start", """{"connector":1,"idTag":"04A2B3C4"}""")).ProblemAsync(400);

        Assert.Equal("Unknown field 'connector'; expected: connectorId, idTag, chargingProfile.", problem.GetProperty("violations")[0].GetProperty("message").GetString());
        Assert.Equal("$.connector", problem.GetProperty("violations")[0].GetProperty("path").GetString());
        Assert.Contains("connector", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(station.Received);
        await using var db = Server.CreateDbContext();
        Assert.Empty(db.RemoteStarts.Where(r => r.StationId == id));
    }

    /// <summary>One command of each family (docs/commands.md), with a body that is right but for one mistyped field.</summary>
    [Theory]
    [InlineData("reset", """{"type":"Soft","connectorID":1}""", "connectorID", "type, connectorId")]
    [InlineData("change-configuration", """{"key":"HeartbeatInterval","value":"60","persist":true}""", "persist", "key, value")]
    [InlineData("trigger-message", """{"message":"Heartbeat","evseId":1}""", "evseId", "message, connectorId")]
    [InlineData("update-firmware", """{"location":"http://127.0.0.1:9/fw.bin","retrieveDate":"2030-01-01T00:00:00Z","retry":3}""", "retry", "location, firmwareId, retrieveDate, retries, retryInterval, installDate, signingCertificate, signature")]
    [InlineData("get-diagnostics", """{"location":"http://127.0.0.1:9/up","retrys":2}""", "retrys", "location, retries, retryInterval, startTime, stopTime, logType")]
    [InlineData("set-charging-profile", """{"connectorId":1,"csChargingProfile":{}}""", "csChargingProfile", "connectorId, csChargingProfiles, chargingProfile")]
    [InlineData("reserve-now", """{"connectorId":1,"expiryDate":"2030-01-01T00:00:00Z","idTag":"A","reservationID":5}""", "reservationID", "connectorId, expiryDate, idTag, parentIdTag, idTagType, reservationId")]
    [InlineData("send-local-list", """{"listVersion":2,"updateType":"Full","localAuthList":[]}""", "localAuthList", "listVersion, updateType, localAuthorizationList, fromIdTags")]
    public async Task A_field_a_command_does_not_take_is_400_naming_it_and_the_expected_ones(string command, string body, string field, string expected)
    {
        foreach (var version in new[] { OcppVersion.V16, OcppVersion.V201 })
        {
            var (id, station) = await StationAsync(version);
            await using var _ = station;
            using var api = Server.Api();

            var problem = await (await api.PostJsonAsync($"/api/stations/{id}/commands/{command}", body)).ProblemAsync(400);

            var violation = problem.GetProperty("violations")[0];
            Assert.Equal("$." + field, violation.GetProperty("path").GetString());
            Assert.Equal($"Unknown field '{field}'; expected: {expected}.", violation.GetProperty("message").GetString());
            Assert.Empty(station.Received);
        }
    }

    /// <summary>The guard: every command of the catalog, whatever it takes, refuses a field it does not know before anything is sent.</summary>
    [Fact]
    public async Task Every_command_refuses_an_unknown_field()
    {
        var names = Server.Services.GetRequiredService<StationCommands>().Names.ToList();
        Assert.Equal(19, names.Count); // SPEC §2.2 lists 19
        var accepted = new List<string>();
        foreach (var version in new[] { OcppVersion.V16, OcppVersion.V201 })
        {
            var (id, station) = await StationAsync(version);
            await using var _ = station;
            using var api = Server.Api();
            foreach (var name in names)
            {
                var response = await api.PostJsonAsync($"/api/stations/{id}/commands/{name}", """{"zzUnknown":1}""");
                var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                if ((int)response.StatusCode != 400 || !text.Contains("Unknown field 'zzUnknown'", StringComparison.Ordinal))
                {
                    accepted.Add($"{version.DisplayName()} {name}: {(int)response.StatusCode} {text}");
                }
            }

            Assert.Empty(station.Received);
        }

        Assert.True(accepted.Count == 0, "These commands did not refuse the unknown field:\n" + string.Join("\n", accepted));
    }

    private async Task<(string Id, RespondingStation Station)> StationAsync(OcppVersion version)
    {
        var id = "typo-" + Interlocked.Increment(ref _stations);
        return (id, await RespondingStation.StartAsync(Server, id, version));
    }
}
