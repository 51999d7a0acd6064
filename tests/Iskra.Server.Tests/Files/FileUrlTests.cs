using Iskra.Ocpp;
using Iskra.Server.Api;
using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Files;

/// <summary>
/// Station file URLs without Files:PublicBaseUrl: built from the address the server listens on, never from
/// the Host header a caller sends; and an upload URL takes one file (the default) for a short time.
/// </summary>
public sealed class FileUrlTests
{
    [Fact]
    public async Task Without_a_public_base_url_a_forged_host_header_does_not_reach_the_station()
    {
        await using var server = await IskraServer.StartAsync(await TestDatabase.CreateAsync("sqlite"), Root());
        await using var station = await RespondingStation.StartAsync(server, "url-1", OcppVersion.V16);
        station.Answer("GetDiagnostics", """{"fileName":"d.log"}""");

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/stations/url-1/commands/get-diagnostics") { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Host = "attacker.example";
        await (await server.Api().SendAsync(request, TestContext.Current.CancellationToken)).JsonAsync(200);

        var location = station.Last("GetDiagnostics").Payload.GetProperty("location").GetString()!;
        Assert.StartsWith(server.BaseUri + "files/uploads/", location, StringComparison.Ordinal);
        Assert.DoesNotContain("attacker", location, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "http://127.0.0.1:8180" }, "http://127.0.0.1:8180/")]
    [InlineData(new[] { "http://localhost:8180", "https://localhost:8443" }, "https://localhost:8443/")]
    [InlineData(new[] { "http://0.0.0.0:8180", "http://[::]:8180" }, null)]
    [InlineData(new[] { "http://+:8180", "http://*:8181" }, null)]
    [InlineData(new[] { "http://[::]:8180", "http://csms.lan:8180" }, "http://csms.lan:8180/")]
    [InlineData(new string[0], null)]
    public void The_default_base_is_the_first_concrete_listen_address_https_first(string[] addresses, string? expected) =>
        Assert.Equal(expected, ListenBaseUrl.From(addresses)?.ToString());

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_upload_url_takes_one_file_and_a_second_one_even_at_the_same_time_is_404(string provider)
    {
        var settings = Root();
        await using var server = await IskraServer.StartAsync(await TestDatabase.CreateAsync(provider), settings);
        var (id, location) = await RequestUploadAsync(server, "once-" + provider);

        var both = await Task.WhenAll(Uploads.PutAsync(location + "a.log", [1, 2, 3]), Uploads.PutAsync(location + "b.log", [4, 5]));
        Assert.Equal([201, 404], both.Select(r => (int)r.StatusCode).Order());
        await Uploads.PutAsync(location + "c.log", [6]).EnsureStatusAsync(404);

        Assert.Single(await Uploads.FilesAsync(server.Api(), id));
        Assert.Single(Directory.GetFiles(Path.Combine(settings["Files:Root"]!, "uploads"))); // the refused file is not kept
    }

    [Fact]
    public async Task An_upload_url_expires_after_the_upload_lifetime()
    {
        var settings = Root();
        settings["Files:UploadLifetime"] = "00:00:01";
        await using var server = await IskraServer.StartAsync(await TestDatabase.CreateAsync("sqlite"), settings);
        var (id, location) = await RequestUploadAsync(server, "expiry-1");

        await Task.Delay(TimeSpan.FromSeconds(1.5), TestContext.Current.CancellationToken);
        await Uploads.PutAsync(location + "late.log", [1]).EnsureStatusAsync(404);
        Assert.Empty(await Uploads.FilesAsync(server.Api(), id));
        Assert.Equal(TimeSpan.FromHours(1), new Iskra.Csms.Files.FilesOptions().UploadLifetime); // the default is short
        Assert.Equal(1, new Iskra.Csms.Files.FilesOptions().MaxFilesPerUpload);
    }

    private static Dictionary<string, string?> Root() => new()
    {
        ["Files:Root"] = Path.Combine(Path.GetTempPath(), "iskra-tests", "files-url-" + Guid.NewGuid().ToString("N")),
    };

    private static async Task<(string Id, string Location)> RequestUploadAsync(IskraServer server, string id)
    {
        await using var station = await RespondingStation.StartAsync(server, id, OcppVersion.V16);
        station.Answer("GetDiagnostics", """{"fileName":"d.log"}""");
        await (await server.Api().PostJsonAsync($"/api/stations/{id}/commands/get-diagnostics", "{}")).JsonAsync(200);
        return (id, station.Last("GetDiagnostics").Payload.GetProperty("location").GetString()!);
    }
}
