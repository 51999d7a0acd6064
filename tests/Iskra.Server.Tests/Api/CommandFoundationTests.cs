using Iskra.Csms.Access;
using Iskra.Csms.RemoteControl;
using Iskra.Ocpp;
using Iskra.Ocpp.Rpc;
using Iskra.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Iskra.Server.Tests.Api;

/// <summary>The command path end to end: API key → command → the station's version → the station's answer.</summary>
public sealed class CommandFoundationTests(SharedSqliteServer shared) : IClassFixture<SharedSqliteServer>
{
    private IskraServer Server => shared.Server;

    [Theory]
    [InlineData(OcppVersion.V16, "Hard", "Hard")]
    [InlineData(OcppVersion.V201, "Soft", "OnIdle")]
    [InlineData(OcppVersion.V201, "Hard", "Immediate")]
    public async Task Reset_is_translated_to_the_station_version(OcppVersion version, string type, string sent)
    {
        await using var station = await RespondingStation.StartAsync(Server, $"reset-{version}-{type}", version);
        station.Answer("Reset", """{"status":"Accepted"}""");

        var reply = await Server.Api().PostJsonAsync($"/api/stations/reset-{version}-{type}/commands/reset", $$"""{"type":"{{type}}"}""");

        var body = await reply.JsonAsync(200);
        Assert.Equal("Accepted", body.GetProperty("status").GetString());
        Assert.Equal("Accepted", body.GetProperty("response").GetProperty("status").GetString());
        Assert.Equal(sent, station.Last("Reset").Payload.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Requests_without_a_valid_key_get_401_and_a_viewer_gets_403_for_a_command()
    {
        await using var station = await RespondingStation.StartAsync(Server, "auth-1", OcppVersion.V16);
        station.Answer("Reset", """{"status":"Accepted"}""");
        var anonymous = await Server.Api(null).PostJsonAsync("/api/stations/auth-1/commands/reset", """{"type":"Soft"}""");
        Assert.Equal("Bearer", anonymous.Headers.WwwAuthenticate.ToString());
        await anonymous.ProblemAsync(401);
        await (await Server.Api("isk_WRONGKEYxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx").PostJsonAsync("/api/stations/auth-1/commands/reset", """{"type":"Soft"}""")).ProblemAsync(401);
        using var viewer = await Server.ApiAsync(ApiRole.Viewer);
        await (await viewer.PostJsonAsync("/api/stations/auth-1/commands/reset", """{"type":"Soft"}""")).ProblemAsync(403);
        using var op = await Server.ApiAsync(ApiRole.Operator);
        await (await op.PostJsonAsync("/api/stations/auth-1/commands/reset", """{"type":"Soft"}""")).JsonAsync(200);
        Assert.Single(station.Received, c => c.Action == "Reset");
    }

    [Fact]
    public async Task Raw_call_answers_200_400_404_409_422_502()
    {
        await Server.StationAsync("raw-offline");
        await (await Server.Api().PostJsonAsync("/api/stations/raw-offline/ocpp/ClearCache", "{}")).ProblemAsync(409);
        await (await Server.Api().PostJsonAsync("/api/stations/nobody-here/ocpp/ClearCache", "{}")).ProblemAsync(404);

        await using var station = await RespondingStation.StartAsync(Server, "raw-1", OcppVersion.V201);
        station.Answer("ClearCache", """{"status":"Rejected"}""")
            .AnswerError("UnlockConnector", OcppErrorCode.NotSupported, "no lock here");

        var ok = await (await Server.Api().PostJsonAsync("/api/stations/raw-1/ocpp/ClearCache", "{}")).JsonAsync(200);
        Assert.Equal("""{"status":"Rejected"}""", ok.GetRawText());

        var invalid = await (await Server.Api().PostJsonAsync("/api/stations/raw-1/ocpp/UnlockConnector", """{"evseId":"one","connectorId":1}""")).ProblemAsync(400);
        Assert.Equal("$.evseId", invalid.GetProperty("violations")[0].GetProperty("path").GetString());

        var error = await (await Server.Api().PostJsonAsync("/api/stations/raw-1/ocpp/UnlockConnector", """{"evseId":1,"connectorId":1}""")).ProblemAsync(502);
        Assert.Equal("NotSupported", error.GetProperty("errorCode").GetString());
        Assert.Equal("no lock here", error.GetProperty("errorDescription").GetString());

        await (await Server.Api().PostJsonAsync("/api/stations/raw-1/ocpp/NoSuchAction", "{}")).ProblemAsync(404);
        await (await Server.Api().PostJsonAsync("/api/stations/raw-1/ocpp/BootNotification", "{}")).ProblemAsync(422);
        await (await Server.Api().PostJsonAsync("/api/stations/raw-1/ocpp/ClearCache", "[1,2")).ProblemAsync(400);
    }

    [Fact]
    public void Every_command_of_SPEC_2_2_is_in_the_catalog_and_in_the_translation_table()
    {
        string[] spec =
        [
            "remote-start", "remote-stop", "reset", "unlock", "change-availability", "get-configuration", "change-configuration",
            "trigger-message", "clear-cache", "data-transfer", "update-firmware", "get-diagnostics", "set-charging-profile",
            "clear-charging-profile", "get-composite-schedule", "reserve-now", "cancel-reservation", "send-local-list", "get-local-list-version",
        ];
        var names = Server.Services.GetRequiredService<StationCommands>().Names.ToList();
        var table = File.ReadAllText(Path.Combine(RepoRoot.Path, "docs", "commands.md"));

        Assert.Equal(spec.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
        Assert.All(names, name => Assert.Contains($"| `{name}`", table, StringComparison.Ordinal));
    }
}

