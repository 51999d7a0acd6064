using System.Globalization;
using System.Text.Json;
using Iskra.Ocpp;
using Iskra.Ocpp.Rpc;
using Iskra.Server.Tests.Files;
using Iskra.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Server.Tests.Commands;

/// <summary>A tracked request whose call got no CALLRESULT (CALLERROR, timeout, lost connection) does not stay Sent.</summary>
public sealed class FailedCallTests(FailingCallServers servers) : IClassFixture<FailingCallServers>
{
    private static int _stations;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Matrix.ProvidersAndVersions), MemberType = typeof(Matrix))]
    public async Task An_update_firmware_refused_with_a_CALLERROR_is_Failed_with_its_error_code(string provider, OcppVersion version)
    {
        var server = servers.Server(provider);
        var id = NewId("fwerr", version);
        await using var station = await RespondingStation.StartAsync(server, id, version);
        station.AnswerError("UpdateFirmware", OcppErrorCode.NotSupported, "no firmware updates here");
        using var api = server.Api();

        var problem = await (await api.PostJsonAsync($"/api/stations/{id}/commands/update-firmware",
            """{"location":"https://firmware.example.com/fw.bin","retrieveDate":"2026-11-01T00:00:00Z"}""")).ProblemAsync(502);

        Assert.Equal("NotSupported", problem.GetProperty("errorCode").GetString());
        station.Last("UpdateFirmware");
        var update = Assert.Single(await ItemsAsync(api, $"/api/stations/{id}/firmware-updates"));
        Assert.Equal("Failed", update.GetProperty("status").GetString());
        Assert.Equal("CallError:NotSupported", update.GetProperty("failure").GetString());
        Assert.Equal(["Sent", "Failed"], update.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("status").GetString()));
    }

    [Theory]
    [MemberData(nameof(Matrix.ProvidersAndVersions), MemberType = typeof(Matrix))]
    public async Task An_unanswered_get_diagnostics_is_NoAnswer_and_its_upload_url_still_takes_the_file(string provider, OcppVersion version)
    {
        var server = servers.Server(provider);
        var id = NewId("diagto", version);
        await using var station = await RespondingStation.StartAsync(server, id, version);
        station.Silence("GetDiagnostics").Silence("GetLog");
        using var api = server.Api();

        await (await api.PostJsonAsync($"/api/stations/{id}/commands/get-diagnostics", "{}")).ProblemAsync(504);

        var request = Assert.Single(await Uploads.RequestsAsync(api, id));
        Assert.Equal("NoAnswer", request.GetProperty("status").GetString());
        Assert.Equal("Timeout", request.GetProperty("failure").GetString());
        // The station may have acted on the call it did not answer in time: its upload is still taken.
        var location = request.GetProperty("location").GetString()!;
        Assert.Equal(201, (int)(await Uploads.PutAsync(location + "late.log", Uploads.RandomBytes(1000))).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Matrix.ProvidersAndVersions), MemberType = typeof(Matrix))]
    public async Task A_get_diagnostics_refused_with_a_CALLERROR_is_Failed_and_its_upload_url_takes_no_file(string provider, OcppVersion version)
    {
        var server = servers.Server(provider);
        var id = NewId("diagerr", version);
        await using var station = await RespondingStation.StartAsync(server, id, version);
        station.AnswerError("GetDiagnostics", OcppErrorCode.InternalError, "disk full").AnswerError("GetLog", OcppErrorCode.InternalError, "disk full");
        using var api = server.Api();

        await (await api.PostJsonAsync($"/api/stations/{id}/commands/get-diagnostics", "{}")).ProblemAsync(502);

        var request = Assert.Single(await Uploads.RequestsAsync(api, id));
        Assert.Equal("Failed", request.GetProperty("status").GetString());
        Assert.Equal("CallError:InternalError", request.GetProperty("failure").GetString());
        var location = request.GetProperty("location").GetString()!;
        Assert.Equal(404, (int)(await Uploads.PutAsync(location + "never.log", Uploads.RandomBytes(1000))).StatusCode);
        Assert.Empty(await Uploads.FilesAsync(api, id));
    }

    [Theory]
    [MemberData(nameof(Matrix.ProvidersAndVersions), MemberType = typeof(Matrix))]
    public async Task A_remote_start_refused_with_a_CALLERROR_is_Failed_and_no_session_is_linked_to_it(string provider, OcppVersion version)
    {
        var server = servers.Server(provider);
        var id = NewId("rserr", version);
        await using var station = await RespondingStation.StartAsync(server, id, version);
        station.AnswerError("RemoteStartTransaction", OcppErrorCode.GenericError, "busy").AnswerError("RequestStartTransaction", OcppErrorCode.GenericError, "busy");
        using var api = server.Api();

        await (await api.PostJsonAsync($"/api/stations/{id}/commands/remote-start", """{"connectorId":1,"idTag":"TAG-ERR"}""")).ProblemAsync(502);

        await using var db = server.CreateDbContext();
        var start = await db.RemoteStarts.SingleAsync(r => r.StationId == id, Ct);
        Assert.Equal(("Failed", "CallError:GenericError"), (start.Status, start.Failure));
        if (version == OcppVersion.V16)
        {
            var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
            var started = await station.CallAsync("StartTransaction", $$"""{"connectorId":1,"idTag":"TAG-ERR","meterStart":0,"timestamp":"{{now}}"}""");
            var tx = started.GetProperty("transactionId").GetInt32().ToString(CultureInfo.InvariantCulture);
            await using var after = server.CreateDbContext();
            Assert.Null((await after.Transactions.SingleAsync(t => t.StationId == id && t.TransactionId == tx, Ct)).RemoteStartId);
        }
    }

    [Theory]
    [MemberData(nameof(Matrix.ProvidersAndVersions), MemberType = typeof(Matrix))]
    public async Task A_reservation_whose_station_disconnected_before_answering_is_listed_NoAnswer_and_not_active(string provider, OcppVersion version)
    {
        var server = servers.Server(provider);
        var id = NewId("resgone", version);
        await using var station = await RespondingStation.StartAsync(server, id, version);
        station.Silence("ReserveNow");
        using var api = server.Api();

        var command = api.PostJsonAsync($"/api/stations/{id}/commands/reserve-now",
            """{"connectorId":1,"expiryDate":"2099-01-01T00:00:00Z","idTag":"TAG-RES","reservationId":77}""");
        await station.WaitForAsync("ReserveNow");
        await station.CloseAsync();
        await (await command).ProblemAsync(409);

        var reservation = Assert.Single(await ItemsAsync(api, $"/api/stations/{id}/reservations"));
        Assert.Equal(77, reservation.GetProperty("reservationId").GetInt32());
        Assert.Equal("NoAnswer", reservation.GetProperty("status").GetString());
        Assert.Equal("NotConnected", reservation.GetProperty("failure").GetString());
        Assert.False(reservation.GetProperty("active").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_update_firmware_whose_API_client_went_away_before_the_answer_is_NoAnswer_Cancelled(string provider)
    {
        var server = servers.Server(provider);
        var id = NewId("fwgone", OcppVersion.V16);
        await using var station = await RespondingStation.StartAsync(server, id, OcppVersion.V16);
        station.Silence("UpdateFirmware");
        using var impatient = server.Api();
        impatient.Timeout = TimeSpan.FromMilliseconds(300); // the call timeout is 2 s

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient.PostJsonAsync($"/api/stations/{id}/commands/update-firmware",
            """{"location":"https://firmware.example.com/fw.bin","retrieveDate":"2026-11-01T00:00:00Z"}"""));

        using var api = server.Api();
        var update = await EventuallyAsync(api, $"/api/stations/{id}/firmware-updates");
        Assert.Equal(("NoAnswer", "Cancelled"), (update.GetProperty("status").GetString(), update.GetProperty("failure").GetString()));
        station.Last("UpdateFirmware");
        await using var db = server.CreateDbContext();
        Assert.Equal("Cancelled", (await db.Audit.SingleAsync(a => a.StationId == id, Ct)).Outcome);
    }

    /// <summary>The single item of <paramref name="path"/> once it is no longer Sent (the server learns of the client's going asynchronously).</summary>
    private static async Task<JsonElement> EventuallyAsync(HttpClient api, string path)
    {
        for (var i = 0; ; i++)
        {
            var item = Assert.Single(await ItemsAsync(api, path));
            if (item.GetProperty("status").GetString() != "Sent" || i == 100)
            {
                return item;
            }

            await Task.Delay(100, Ct);
        }
    }

    private static async Task<JsonElement[]> ItemsAsync(HttpClient api, string path) =>
        [.. (await (await api.GetAsync(new Uri(path, UriKind.Relative), Ct)).JsonAsync(200)).GetProperty("items").EnumerateArray()];

    private static string NewId(string prefix, OcppVersion version) =>
        $"{prefix}-{(version == OcppVersion.V16 ? "16" : "201")}-{Interlocked.Increment(ref _stations)}";
}
