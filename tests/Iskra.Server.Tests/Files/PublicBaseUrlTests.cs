using Iskra.Csms.Access;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Files;

/// <summary>The base of URLs handed to stations: <c>Files:PublicBaseUrl</c> when set; the OpenAPI document shows the file endpoints.</summary>
public sealed class PublicBaseUrlTests
{
    [Fact]
    public async Task A_configured_public_base_url_is_the_base_of_upload_and_firmware_urls()
    {
        await using var server = await IskraServer.StartAsync(await TestDatabase.CreateAsync("sqlite"), new Dictionary<string, string?>
        {
            ["Files:PublicBaseUrl"] = "https://csms.example.com/iskra/",
            ["Files:Root"] = Path.Combine(Path.GetTempPath(), "iskra-tests", "files-base-" + Guid.NewGuid().ToString("N")),
        });
        await using var station = await RespondingStation.StartAsync(server, "base-1", OcppVersion.V201);
        station.Answer("GetLog", """{"status":"Accepted"}""").Answer("UpdateFirmware", """{"status":"Accepted"}""");
        using var op = await server.ApiAsync(ApiRole.Operator);

        await (await op.PostJsonAsync("/api/stations/base-1/commands/get-diagnostics", "{}")).JsonAsync(200);
        var image = await (await Uploads.PostMultipartAsync("/api/firmware", [1, 2], "a.bin", op)).JsonAsync(201);
        await (await op.PostJsonAsync("/api/stations/base-1/commands/update-firmware", $$"""{"firmwareId":{{image.GetProperty("id").GetInt64()}},"retrieveDate":"2026-12-01T00:00:00Z"}""")).JsonAsync(200);

        Assert.StartsWith("https://csms.example.com/iskra/files/uploads/", station.Last("GetLog").Payload.GetProperty("log").GetProperty("remoteLocation").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("https://csms.example.com/iskra/files/firmware/", station.Last("UpdateFirmware").Payload.GetProperty("firmware").GetProperty("location").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("https://csms.example.com/iskra/files/firmware/", image.GetProperty("url").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_file_and_firmware_endpoints()
    {
        await using var server = await IskraServer.StartAsync(await TestDatabase.CreateAsync("sqlite"));

        var document = await (await server.Api(null).GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken)).JsonAsync(200);

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/files/uploads/{token}/{fileName}", paths);
        Assert.Contains("/files/firmware/{id}/{token}/{name}", paths);
        Assert.Contains("/api/firmware", paths);
        Assert.Contains("/api/stations/{id}/files", paths);
        Assert.Contains("/api/stations/{id}/firmware-updates", paths);
    }
}
