using System.Text.Json;
using Iskra.Csms.Access;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Server.Tests.Files;

/// <summary>get-diagnostics on both versions: the call, the station's HTTP upload, the operator's download, the status notifications.</summary>
public sealed class DiagnosticsUploadTests(FilesServers servers) : IClassFixture<FilesServers>
{
    private static int _stations;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Matrix.ProvidersAndVersions), MemberType = typeof(Matrix))]
    public async Task Get_diagnostics_hands_out_an_upload_url_and_the_operator_downloads_exactly_what_the_station_uploaded(string provider, OcppVersion version)
    {
        var server = servers.Server(provider);
        var id = NewId("diag", version);
        await using var station = await RespondingStation.StartAsync(server, id, version);
        station.Answer("GetDiagnostics", """{"fileName":"diag.tar.gz"}""").Answer("GetLog", """{"status":"Accepted","filename":"diag.tar.gz"}""");

        var reply = await (await server.Api().PostJsonAsync($"/api/stations/{id}/commands/get-diagnostics",
            """{"startTime":"2026-11-01T00:00:00Z","stopTime":"2026-11-02T00:00:00Z","retries":2,"retryInterval":30}""")).JsonAsync(200);

        Assert.Equal("Accepted", reply.GetProperty("status").GetString());
        var location = SentLocation(station, version);
        Assert.StartsWith(server.BaseUri + "files/uploads/", location, StringComparison.Ordinal);
        Assert.EndsWith("/", location, StringComparison.Ordinal);
        var token = location[(server.BaseUri + "files/uploads/").Length..^1];
        Assert.Equal(43, token.Length); // 32 random bytes, base64url
        var sent = station.Received[^1].Payload;
        if (version == OcppVersion.V16)
        {
            Assert.Equal("2026-11-01T00:00:00.000Z", sent.GetProperty("startTime").GetString());
            Assert.Equal("2026-11-02T00:00:00.000Z", sent.GetProperty("stopTime").GetString());
        }
        else
        {
            Assert.Equal("DiagnosticsLog", sent.GetProperty("logType").GetString());
            Assert.Equal("2026-11-01T00:00:00.000Z", sent.GetProperty("log").GetProperty("oldestTimestamp").GetString());
            Assert.Equal("2026-11-02T00:00:00.000Z", sent.GetProperty("log").GetProperty("latestTimestamp").GetString());
        }

        Assert.Equal(2, sent.GetProperty("retries").GetInt32());
        Assert.Equal(30, sent.GetProperty("retryInterval").GetInt32());

        var put = Uploads.RandomBytes(20_000);
        var posted = Uploads.RandomBytes(30_000);
        Assert.Equal(201, (int)(await Uploads.PutAsync(location + "diag.tar.gz", put)).StatusCode);
        Assert.Equal(201, (int)(await Uploads.PostMultipartAsync(location, posted, "second.log")).StatusCode);

        using var viewer = await server.ApiAsync(ApiRole.Viewer);
        var request = Assert.Single(await Uploads.RequestsAsync(viewer, id));
        Assert.Equal("Accepted", request.GetProperty("status").GetString());
        Assert.Equal("diag.tar.gz", request.GetProperty("fileName").GetString());
        Assert.Equal(location, request.GetProperty("location").GetString());
        var files = await Uploads.FilesAsync(viewer, id);
        Assert.Equal(["second.log", "diag.tar.gz"], files.Select(f => f.GetProperty("fileName").GetString()));
        Assert.All(files, f => Assert.Equal(request.GetProperty("id").GetInt64(), f.GetProperty("requestId").GetInt64()));
        Assert.All(files, f => Assert.Equal(version == OcppVersion.V16 ? "diagnostics" : "log", f.GetProperty("kind").GetString()));
        Assert.Equal(posted.Length, files[0].GetProperty("size").GetInt64());
        Assert.Equal(posted, await Uploads.DownloadAsync(viewer, files[0].GetProperty("id").GetInt64()));
        Assert.Equal(put, await Uploads.DownloadAsync(viewer, files[1].GetProperty("id").GetInt64()));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(put)), files[1].GetProperty("sha256").GetString());
    }

    [Theory]
    [MemberData(nameof(Matrix.ProvidersAndVersions), MemberType = typeof(Matrix))]
    public async Task Status_notifications_of_the_station_update_its_upload_request_and_are_still_kept_as_notices(string provider, OcppVersion version)
    {
        var server = servers.Server(provider);
        var id = NewId("diagstatus", version);
        await using var station = await RespondingStation.StartAsync(server, id, version);
        station.Answer("GetDiagnostics", """{"fileName":"d.zip"}""").Answer("GetLog", """{"status":"Accepted","filename":"d.zip"}""");
        await (await server.Api().PostJsonAsync($"/api/stations/{id}/commands/get-diagnostics", "{}")).JsonAsync(200);
        var requestId = version == OcppVersion.V201 ? station.Last("GetLog").Payload.GetProperty("requestId").GetInt32() : 0;

        foreach (var status in new[] { "Uploading", "Idle", "Uploaded" })
        {
            await (version == OcppVersion.V16
                ? station.CallAsync("DiagnosticsStatusNotification", $$"""{"status":"{{status}}"}""")
                : station.CallAsync("LogStatusNotification", $$"""{"status":"{{status}}","requestId":{{requestId}}}"""));
            var request = Assert.Single(await Uploads.RequestsAsync(server.Api(), id));
            Assert.Equal(status == "Idle" ? "Uploading" : status, request.GetProperty("status").GetString());
            if (version == OcppVersion.V201)
            {
                Assert.Equal(requestId, request.GetProperty("ocppRequestId").GetInt32());
            }
        }

        await using var db = server.CreateDbContext();
        var action = version == OcppVersion.V16 ? "DiagnosticsStatusNotification" : "LogStatusNotification";
        var notices = await db.Notices.Where(n => n.StationId == id && n.Action == action).OrderBy(n => n.Id).Select(n => n.Status).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["Uploading", "Idle", "Uploaded"], notices);
    }

    [Theory]
    [InlineData(OcppVersion.V16, "{}", "NoFile")]
    [InlineData(OcppVersion.V201, """{"status":"Rejected"}""", "Rejected")]
    public async Task A_station_without_a_file_or_that_refuses_leaves_the_request_in_that_status(OcppVersion version, string answer, string status)
    {
        var server = servers.Server("sqlite");
        var id = NewId("diagno", version);
        await using var station = await RespondingStation.StartAsync(server, id, version);
        station.Answer("GetDiagnostics", answer).Answer("GetLog", answer);

        var reply = await (await server.Api().PostJsonAsync($"/api/stations/{id}/commands/get-diagnostics", "{}")).JsonAsync(200);

        Assert.Equal(status, reply.GetProperty("status").GetString());
        Assert.Equal(status, Assert.Single(await Uploads.RequestsAsync(server.Api(), id)).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData(OcppVersion.V16)]
    [InlineData(OcppVersion.V201)]
    public async Task A_location_given_by_the_operator_is_sent_as_it_is_and_a_security_log_is_asked_for_on_201_only(OcppVersion version)
    {
        var server = servers.Server("sqlite");
        var id = NewId("diagloc", version);
        await using var station = await RespondingStation.StartAsync(server, id, version);
        station.Answer("GetDiagnostics", """{"fileName":"x"}""").Answer("GetLog", """{"status":"Accepted"}""");

        await (await server.Api().PostJsonAsync($"/api/stations/{id}/commands/get-diagnostics", """{"location":"ftp://logs.example.com/in/"}""")).JsonAsync(200);
        Assert.Equal("ftp://logs.example.com/in/", SentLocation(station, version));

        var security = await server.Api().PostJsonAsync($"/api/stations/{id}/commands/get-diagnostics", """{"logType":"SecurityLog"}""");
        if (version == OcppVersion.V16)
        {
            await security.ProblemAsync(422);
        }
        else
        {
            await security.JsonAsync(200);
            Assert.Equal("SecurityLog", station.Last("GetLog").Payload.GetProperty("logType").GetString());
        }

        await (await server.Api().PostJsonAsync($"/api/stations/{id}/commands/get-diagnostics", """{"location":"not a uri"}""")).ProblemAsync(400);
    }

    [Fact]
    public async Task File_lists_page_by_cursor_and_unknown_stations_or_files_are_404()
    {
        var server = servers.Server("sqlite");
        var id = NewId("diagpage", OcppVersion.V16);
        await using var station = await RespondingStation.StartAsync(server, id, OcppVersion.V16);
        station.Answer("GetDiagnostics", """{"fileName":"p.log"}""");
        await (await server.Api().PostJsonAsync($"/api/stations/{id}/commands/get-diagnostics", "{}")).JsonAsync(200);
        var location = station.Last("GetDiagnostics").Payload.GetProperty("location").GetString()!;
        foreach (var n in new[] { 1, 2, 3 })
        {
            await Uploads.PutAsync(location + n + ".log", [(byte)n]).EnsureStatusAsync(201);
        }

        var api = server.Api();
        var first = await (await api.GetAsync(new Uri($"/api/stations/{id}/files?limit=2", UriKind.Relative), Ct)).JsonAsync(200);
        Assert.Equal(["3.log", "2.log"], first.GetProperty("items").EnumerateArray().Select(f => f.GetProperty("fileName").GetString()));
        var next = first.GetProperty("next").GetString();
        var second = await (await api.GetAsync(new Uri($"/api/stations/{id}/files?limit=2&cursor={next}", UriKind.Relative), Ct)).JsonAsync(200);
        Assert.Equal(["1.log"], second.GetProperty("items").EnumerateArray().Select(f => f.GetProperty("fileName").GetString()));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next").ValueKind);

        await (await api.GetAsync(new Uri($"/api/stations/{id}/files?cursor=%%%", UriKind.Relative), Ct)).ProblemAsync(400);
        await (await api.GetAsync(new Uri($"/api/stations/{id}/files?limit=0", UriKind.Relative), Ct)).ProblemAsync(400);
        await (await api.GetAsync(new Uri("/api/stations/nobody/files", UriKind.Relative), Ct)).ProblemAsync(404);
        await (await api.GetAsync(new Uri("/api/stations/nobody/upload-requests", UriKind.Relative), Ct)).ProblemAsync(404);
        await (await api.GetAsync(new Uri("/api/stations/nobody/firmware-updates", UriKind.Relative), Ct)).ProblemAsync(404);
        await (await api.GetAsync(new Uri("/api/files/99999999", UriKind.Relative), Ct)).ProblemAsync(404);
        await (await server.Api(null).GetAsync(new Uri($"/api/stations/{id}/files", UriKind.Relative), Ct)).ProblemAsync(401);
    }

    private static string SentLocation(RespondingStation station, OcppVersion version)
    {
        if (version == OcppVersion.V16)
        {
            var call = station.Last("GetDiagnostics").Payload;
            return call.GetProperty("location").GetString()!;
        }

        var log = station.Last("GetLog").Payload;
        Assert.True(log.GetProperty("requestId").ValueKind == JsonValueKind.Number);
        return log.GetProperty("log").GetProperty("remoteLocation").GetString()!;
    }

    internal static string NewId(string prefix, OcppVersion version) => $"{prefix}-{(version == OcppVersion.V16 ? "16" : "201")}-{Interlocked.Increment(ref _stations)}";
}
