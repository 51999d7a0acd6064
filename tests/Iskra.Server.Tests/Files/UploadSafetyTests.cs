using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Files;

/// <summary>The public upload URL against what a careless or hostile client sends: wrong tokens, path names, too many bytes.</summary>
public sealed class UploadSafetyTests(FilesServers servers) : IClassFixture<FilesServers>
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_upload_to_a_token_Iskra_did_not_hand_out_is_404_and_keeps_nothing(string provider)
    {
        var server = servers.Server(provider);
        var (id, location) = await RequestUploadAsync(server);
        var wrong = location[..^5] + "AAAA/";

        await Uploads.PutAsync(wrong + "x.log", [1, 2, 3]).EnsureStatusAsync(404);
        await Uploads.PostMultipartAsync(server.BaseUri + "files/uploads/short/", [1, 2, 3], "x.log").EnsureStatusAsync(404);
        await Uploads.PutAsync(server.BaseUri + "files/uploads/" + new string('A', 200) + "/x", [1]).EnsureStatusAsync(404);

        Assert.Empty(await Uploads.FilesAsync(server.Api(), id));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Path_traversal_in_a_file_name_is_reduced_to_a_plain_name_and_the_file_stays_in_the_files_folder(string provider)
    {
        var server = servers.Server(provider);
        var (id, location) = await RequestUploadAsync(server);

        await Uploads.PutAsync(location + "..%2F..%2F..%2Fevil.sh", [1, 2, 3]).EnsureStatusAsync(201);
        await Uploads.PutAsync(location + "..%5C..%5Cwin.ini", [4, 5]).EnsureStatusAsync(201);
        await Uploads.PostMultipartAsync(location, [6], "../../../etc/passwd").EnsureStatusAsync(201);
        await Uploads.PostMultipartAsync(location, [7], "..").EnsureStatusAsync(201);

        var names = (await Uploads.FilesAsync(server.Api(), id)).Select(f => f.GetProperty("fileName").GetString()).ToList();
        Assert.Equal(["diagnostics.bin", "passwd", "win.ini", "evil.sh"], names);
        var root = servers.Root(provider);
        var stored = Directory.GetFiles(root, "*", SearchOption.AllDirectories);
        Assert.True(stored.Length >= 4);
        Assert.All(stored, f => Assert.StartsWith(Path.Combine(root, "uploads") + Path.DirectorySeparatorChar, f, StringComparison.Ordinal));
        Assert.DoesNotContain(stored, f => f.EndsWith("evil.sh", StringComparison.Ordinal) || f.EndsWith("passwd", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(root)!, "evil.sh")));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_file_over_the_limit_is_413_whether_its_length_is_declared_or_not_and_nothing_is_kept(string provider)
    {
        var server = servers.Server(provider);
        var (id, location) = await RequestUploadAsync(server);
        var big = Uploads.RandomBytes(FilesServers.MaxUploadBytes + 1);

        await (await Uploads.PutAsync(location + "big.log", big)).ProblemAsync(413);
        await (await Uploads.PutAsync(location + "big.log", big, chunked: true)).ProblemAsync(413);
        await (await Uploads.PostMultipartAsync(location, big, "big.log")).ProblemAsync(413);
        await Uploads.PutAsync(location + "fits.log", Uploads.RandomBytes(FilesServers.MaxUploadBytes)).EnsureStatusAsync(201);

        var file = Assert.Single(await Uploads.FilesAsync(server.Api(), id));
        Assert.Equal("fits.log", file.GetProperty("fileName").GetString());
        Assert.Empty(Directory.GetFiles(servers.Root(provider), "*.part", SearchOption.AllDirectories));
    }

    /// <summary>A 1.6 station asked for diagnostics: its id and the upload URL it was given.</summary>
    private static async Task<(string Id, string Location)> RequestUploadAsync(IskraServer server)
    {
        var id = DiagnosticsUploadTests.NewId("safe", OcppVersion.V16);
        await using var station = await RespondingStation.StartAsync(server, id, OcppVersion.V16);
        station.Answer("GetDiagnostics", """{"fileName":"d.log"}""");
        await (await server.Api().PostJsonAsync($"/api/stations/{id}/commands/get-diagnostics", "{}")).JsonAsync(200);
        return (id, station.Last("GetDiagnostics").Payload.GetProperty("location").GetString()!);
    }
}
