using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Iskra.Csms.Access;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Server.Tests.Files;

/// <summary>The firmware repository and update-firmware on both versions, with the status notifications that follow.</summary>
public sealed class FirmwareTests(FilesServers servers) : IClassFixture<FilesServers>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Matrix.ProvidersAndVersions), MemberType = typeof(Matrix))]
    public async Task Update_firmware_with_a_repository_image_sends_a_url_that_serves_the_same_bytes(string provider, OcppVersion version)
    {
        var server = servers.Server(provider);
        using var op = await server.ApiAsync(ApiRole.Operator);
        var image = Uploads.RandomBytes(100_000);
        var uploaded = await (await Uploads.PostMultipartAsync("/api/firmware", image, "fw-2.1.bin", op)).JsonAsync(201);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(image)), uploaded.GetProperty("sha256").GetString());
        Assert.Equal(image.Length, uploaded.GetProperty("size").GetInt64());
        var firmwareId = uploaded.GetProperty("id").GetInt64();

        var id = DiagnosticsUploadTests.NewId("fw", version);
        await using var station = await RespondingStation.StartAsync(server, id, version);
        station.Answer("UpdateFirmware", version == OcppVersion.V16 ? "{}" : """{"status":"Accepted"}""");
        var reply = await (await op.PostJsonAsync($"/api/stations/{id}/commands/update-firmware",
            $$"""{"firmwareId":{{firmwareId}},"retrieveDate":"2026-12-01T02:00:00Z","retries":3,"retryInterval":60}""")).JsonAsync(200);

        Assert.Equal("Accepted", reply.GetProperty("status").GetString());
        var sent = station.Last("UpdateFirmware").Payload;
        var firmware = version == OcppVersion.V16 ? sent : sent.GetProperty("firmware");
        var url = firmware.GetProperty("location").GetString()!;
        Assert.Equal("2026-12-01T02:00:00.000Z", firmware.GetProperty(version == OcppVersion.V16 ? "retrieveDate" : "retrieveDateTime").GetString());
        Assert.Equal(3, sent.GetProperty("retries").GetInt32());
        Assert.Equal(uploaded.GetProperty("url").GetString(), url);
        Assert.StartsWith($"{server.BaseUri}files/firmware/{firmwareId}/", url, StringComparison.Ordinal);

        using var anyone = new HttpClient();
        Assert.Equal(image, await anyone.GetByteArrayAsync(new Uri(url), Ct));
        using var head = await anyone.SendAsync(new HttpRequestMessage(HttpMethod.Head, url), Ct);
        Assert.Equal((200, (long?)image.Length), ((int)head.StatusCode, head.Content.Headers.ContentLength));
        using var range = new HttpRequestMessage(HttpMethod.Get, url);
        range.Headers.Range = new RangeHeaderValue(1000, 1999);
        using var partial = await anyone.SendAsync(range, Ct);
        Assert.Equal(206, (int)partial.StatusCode);
        Assert.Equal(image[1000..2000], await partial.Content.ReadAsByteArrayAsync(Ct));
        using var guessed = await anyone.GetAsync(new Uri($"{server.BaseUri}files/firmware/{firmwareId}/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/fw-2.1.bin"), Ct);
        Assert.Equal(404, (int)guessed.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Matrix.ProvidersAndVersions), MemberType = typeof(Matrix))]
    public async Task Firmware_status_notifications_update_the_request_and_are_still_kept_as_notices(string provider, OcppVersion version)
    {
        var server = servers.Server(provider);
        var id = DiagnosticsUploadTests.NewId("fwstatus", version);
        await using var station = await RespondingStation.StartAsync(server, id, version);
        station.Answer("UpdateFirmware", version == OcppVersion.V16 ? "{}" : """{"status":"Accepted"}""");
        await (await server.Api().PostJsonAsync($"/api/stations/{id}/commands/update-firmware",
            """{"location":"https://firmware.example.com/v2.bin","retrieveDate":"2026-12-01T02:00:00Z"}""")).JsonAsync(200);
        var sent = station.Last("UpdateFirmware").Payload;
        var requestId = version == OcppVersion.V201 ? sent.GetProperty("requestId").GetInt32() : 0;

        string[] statuses = ["Downloading", "Downloaded", "Idle", "Installing", "Installed"];
        foreach (var status in statuses)
        {
            await (version == OcppVersion.V16
                ? station.CallAsync("FirmwareStatusNotification", $$"""{"status":"{{status}}"}""")
                : station.CallAsync("FirmwareStatusNotification", $$"""{"status":"{{status}}","requestId":{{requestId}}}"""));
        }

        var page = await (await server.Api().GetAsync(new Uri($"/api/stations/{id}/firmware-updates", UriKind.Relative), Ct)).JsonAsync(200);
        var update = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal("Installed", update.GetProperty("status").GetString());
        Assert.Equal("https://firmware.example.com/v2.bin", update.GetProperty("location").GetString());
        Assert.Equal(
            ["Sent", "Accepted", "Downloading", "Downloaded", "Installing", "Installed"],
            update.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("status").GetString()));
        Assert.Equal(version == OcppVersion.V201 ? JsonValueKind.Number : JsonValueKind.Null, update.GetProperty("ocppRequestId").ValueKind);

        await using var db = server.CreateDbContext();
        var notices = await db.Notices.Where(n => n.StationId == id && n.Action == "FirmwareStatusNotification").OrderBy(n => n.Id).Select(n => n.Status).ToListAsync(Ct);
        Assert.Equal(statuses, notices);
    }

    /// <summary>
    /// A quick station reports progress before its answer is stored (here even before its answer goes
    /// out): the reported status stays the update's status, and the history reads in the order things
    /// happened: the station accepted the update, then downloaded it.
    /// </summary>
    [Theory]
    [MemberData(nameof(Matrix.ProvidersAndVersions), MemberType = typeof(Matrix))]
    public async Task A_status_reported_before_the_answer_is_stored_keeps_the_status_and_follows_the_answer_in_the_history(string provider, OcppVersion version)
    {
        var server = servers.Server(provider);
        var id = DiagnosticsUploadTests.NewId("fwearly-" + provider, version);
        await using var station = await RespondingStation.StartAsync(server, id, version);
        station.AnswerAsync("UpdateFirmware", async request =>
        {
            // A quick station: it starts downloading before its answer goes out.
            await (version == OcppVersion.V16
                ? station.CallAsync("FirmwareStatusNotification", """{"status":"Downloading"}""")
                : station.CallAsync("FirmwareStatusNotification", $$"""{"status":"Downloading","requestId":{{request.GetProperty("requestId").GetInt32()}}}"""));
            return version == OcppVersion.V16 ? "{}" : """{"status":"Accepted"}""";
        });

        await (await server.Api().PostJsonAsync($"/api/stations/{id}/commands/update-firmware",
            """{"location":"https://firmware.example.com/v3.bin","retrieveDate":"2026-12-01T02:00:00Z"}""")).JsonAsync(200);

        var page = await (await server.Api().GetAsync(new Uri($"/api/stations/{id}/firmware-updates", UriKind.Relative), Ct)).JsonAsync(200);
        var update = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal("Downloading", update.GetProperty("status").GetString());
        Assert.Equal(["Sent", "Accepted", "Downloading"], update.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Two_updates_on_201_are_told_apart_by_request_id()
    {
        var server = servers.Server("sqlite");
        var id = DiagnosticsUploadTests.NewId("fwtwo", OcppVersion.V201);
        await using var station = await RespondingStation.StartAsync(server, id, OcppVersion.V201);
        station.Answer("UpdateFirmware", """{"status":"Accepted"}""");
        var requestIds = new List<int>();
        foreach (var n in new[] { 1, 2 })
        {
            await (await server.Api().PostJsonAsync($"/api/stations/{id}/commands/update-firmware",
                $$"""{"location":"https://fw.example.com/{{n}}.bin","retrieveDate":"2026-12-01T02:00:00Z","installDate":"2026-12-02T02:00:00Z","signature":"c2ln"}""")).JsonAsync(200);
            var sent = station.Last("UpdateFirmware").Payload;
            Assert.Equal("2026-12-02T02:00:00.000Z", sent.GetProperty("firmware").GetProperty("installDateTime").GetString());
            Assert.Equal("c2ln", sent.GetProperty("firmware").GetProperty("signature").GetString());
            requestIds.Add(sent.GetProperty("requestId").GetInt32());
        }

        Assert.NotEqual(requestIds[0], requestIds[1]);
        await station.CallAsync("FirmwareStatusNotification", $$"""{"status":"DownloadFailed","requestId":{{requestIds[0]}}}""");

        var items = (await (await server.Api().GetAsync(new Uri($"/api/stations/{id}/firmware-updates", UriKind.Relative), Ct)).JsonAsync(200)).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["Accepted", "DownloadFailed"], items.Select(i => i.GetProperty("status").GetString()));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_viewer_cannot_upload_firmware_and_an_operator_can_upload_list_and_delete(string provider)
    {
        var server = servers.Server(provider);
        using var viewer = await server.ApiAsync(ApiRole.Viewer);
        using var op = await server.ApiAsync(ApiRole.Operator);
        await (await Uploads.PostMultipartAsync("/api/firmware", [1, 2, 3], "fw.bin", viewer)).ProblemAsync(403);

        using var raw = new ByteArrayContent([9, 8, 7, 6]);
        var created = await (await op.PostAsync(new Uri("/api/firmware?name=raw%2F..%2Fimage.bin", UriKind.Relative), raw, Ct)).JsonAsync(201);
        Assert.Equal("image.bin", created.GetProperty("name").GetString());
        using var unnamed = new ByteArrayContent([1]);
        await (await op.PostAsync(new Uri("/api/firmware", UriKind.Relative), unnamed, Ct)).ProblemAsync(400);
        await (await Uploads.PostMultipartAsync("/api/firmware", new byte[FilesServers.MaxFirmwareBytes + 1], "huge.bin", op)).ProblemAsync(413);

        var id = created.GetProperty("id").GetInt64();
        var list = await (await viewer.GetAsync(new Uri("/api/firmware", UriKind.Relative), Ct)).JsonAsync(200);
        Assert.Contains(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt64() == id && i.GetProperty("size").GetInt64() == 4);
        await (await viewer.DeleteAsync(new Uri($"/api/firmware/{id}", UriKind.Relative), Ct)).ProblemAsync(403);

        using var anyone = new HttpClient();
        var url = created.GetProperty("url").GetString()!;
        Assert.Equal([9, 8, 7, 6], await anyone.GetByteArrayAsync(new Uri(url), Ct));
        Assert.Equal(204, (int)(await op.DeleteAsync(new Uri($"/api/firmware/{id}", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(404, (int)(await anyone.GetAsync(new Uri(url), Ct)).StatusCode);
        await (await op.DeleteAsync(new Uri($"/api/firmware/{id}", UriKind.Relative), Ct)).ProblemAsync(404);
    }

    [Theory]
    [InlineData("""{"retrieveDate":"2026-12-01T02:00:00Z"}""", 400)]
    [InlineData("""{"location":"https://a.example/x","firmwareId":1,"retrieveDate":"2026-12-01T02:00:00Z"}""", 400)]
    [InlineData("""{"firmwareId":999999,"retrieveDate":"2026-12-01T02:00:00Z"}""", 400)]
    [InlineData("""{"location":"https://a.example/x"}""", 400)]
    [InlineData("""{"location":"https://a.example/x","retrieveDate":"2026-12-01T02:00:00Z","installDate":"2026-12-02T02:00:00Z"}""", 422)]
    public async Task Update_firmware_bodies_that_cannot_be_sent_to_a_16_station_are_refused(string body, int status)
    {
        var server = servers.Server("sqlite");
        var id = DiagnosticsUploadTests.NewId("fwbad", OcppVersion.V16);
        await using var station = await RespondingStation.StartAsync(server, id, OcppVersion.V16);
        station.Answer("UpdateFirmware", "{}");

        await (await server.Api().PostJsonAsync($"/api/stations/{id}/commands/update-firmware", body)).ProblemAsync(status);

        Assert.DoesNotContain(station.Received, c => c.Action == "UpdateFirmware");
        Assert.Empty((await (await server.Api().GetAsync(new Uri($"/api/stations/{id}/firmware-updates", UriKind.Relative), Ct)).JsonAsync(200)).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_location_over_the_201_limit_is_refused_before_anything_is_stored_or_sent()
    {
        var server = servers.Server("sqlite");
        var id = DiagnosticsUploadTests.NewId("fwlong", OcppVersion.V201);
        await using var station = await RespondingStation.StartAsync(server, id, OcppVersion.V201);
        var location = "https://a.example/" + new string('x', 500);

        var problem = await (await server.Api().PostJsonAsync($"/api/stations/{id}/commands/update-firmware", $$"""{"location":"{{location}}","retrieveDate":"2026-12-01T02:00:00Z"}""")).ProblemAsync(400);
        await (await server.Api().PostJsonAsync($"/api/stations/{id}/commands/get-diagnostics", $$"""{"location":"{{location}}"}""")).ProblemAsync(400);

        Assert.Equal("$.location", problem.GetProperty("violations")[0].GetProperty("path").GetString());
        Assert.Empty(station.Received);
        Assert.Empty((await (await server.Api().GetAsync(new Uri($"/api/stations/{id}/firmware-updates", UriKind.Relative), Ct)).JsonAsync(200)).GetProperty("items").EnumerateArray());
        Assert.Empty(await Uploads.RequestsAsync(server.Api(), id));
    }
}
