using System.Text;
using Iskra.Ocpp;
using Iskra.Server.Tests.Files;
using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Simulator.Maintenance;

/// <summary>Iskra's get-diagnostics to a simulated station: the station's log, built as a file, uploaded to Iskra.</summary>
public sealed class DiagnosticsUploadTests(MaintenanceServer shared) : IClassFixture<MaintenanceServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IskraServer Server => shared.Server;

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task Get_diagnostics_uploads_the_station_log_to_iskra(OcppVersion version)
    {
        var id = $"sim-diag-{version}";
        await using var station = await Maintenance.StartAsync(Server, id, version);
        await station.SettleAsync();
        var firstSent = station.Log.Entries.First(e => e.Kind == "sent").Text;
        using var api = Server.Api();

        var reply = await (await api.PostJsonAsync($"/api/stations/{id}/commands/get-diagnostics", "{}")).JsonAsync(200);
        Assert.Equal("Accepted", reply.GetProperty("status").GetString());

        await Maintenance.WaitAsync(station, s => s.UploadStatus == "Uploaded");
        var request = await Maintenance.NewestWithStatusAsync(Server, $"/api/stations/{id}/upload-requests", "Uploaded");
        var file = Assert.Single(await Uploads.FilesAsync(api, id));
        Assert.Equal(request.GetProperty("fileName").GetString(), file.GetProperty("fileName").GetString());
        Assert.StartsWith(version == OcppVersion.V16 ? "diagnostics-" : "diagnostics-" + id, file.GetProperty("fileName").GetString(), StringComparison.Ordinal);
        var text = Encoding.UTF8.GetString(await Uploads.DownloadAsync(api, file.GetProperty("id").GetInt64()));
        Assert.StartsWith($"# Iskra simulator DiagnosticsLog: station {id}", text, StringComparison.Ordinal);
        Assert.Contains(" sent " + firstSent + "\n", text, StringComparison.Ordinal); // the BootNotification, as it went on the wire

        var action = version == OcppVersion.V16 ? "DiagnosticsStatusNotification" : "LogStatusNotification";
        Assert.Equal(["Uploading", "Uploaded"], Maintenance.Statuses(station, action));
        if (version == OcppVersion.V201)
        {
            Assert.All(station.Sent(action), n => Assert.Equal(request.GetProperty("ocppRequestId").GetInt32(), n.GetProperty("requestId").GetInt32()));
            Assert.Equal(request.GetProperty("ocppRequestId").GetInt32(), station.UploadRequestId);
        }

        await station.AssertSentFramesValidAsync();
    }

    [Theory]
    [MemberData(nameof(Matrix.Versions), MemberType = typeof(Matrix))]
    public async Task An_ftp_location_fails_since_the_station_has_no_ftp_client(OcppVersion version)
    {
        var id = $"sim-diag-ftp-{version}";
        await using var station = await Maintenance.StartAsync(Server, id, version);

        await (await Server.Api().PostJsonAsync($"/api/stations/{id}/commands/get-diagnostics", """{"location":"ftp://logs.example.com/in/"}""")).JsonAsync(200);

        var failed = version == OcppVersion.V16 ? "UploadFailed" : "NotSupportedOperation";
        await Maintenance.WaitAsync(station, s => s.UploadStatus == failed);
        var request = await Maintenance.NewestWithStatusAsync(Server, $"/api/stations/{id}/upload-requests", failed);
        Assert.Equal([failed], Maintenance.Statuses(station, version == OcppVersion.V16 ? "DiagnosticsStatusNotification" : "LogStatusNotification"));
        Assert.Equal("ftp://logs.example.com/in/", request.GetProperty("location").GetString());
        Assert.Empty(await Uploads.FilesAsync(Server.Api(), id));
        await station.AssertSentFramesValidAsync();
    }

    [Fact]
    public async Task A_16_window_without_log_entries_has_no_file()
    {
        var id = "sim-diag-nofile";
        await using var station = await Maintenance.StartAsync(Server, id, OcppVersion.V16);

        var reply = await (await Server.Api().PostJsonAsync($"/api/stations/{id}/commands/get-diagnostics",
            """{"startTime":"2020-01-01T00:00:00Z","stopTime":"2020-01-02T00:00:00Z"}""")).JsonAsync(200);

        Assert.Equal("NoFile", reply.GetProperty("status").GetString());
        await station.SettleAsync();
        Assert.Empty(station.Sent("DiagnosticsStatusNotification"));
        Assert.Equal("Idle", station.UploadStatus);
        await station.AssertSentFramesValidAsync();
    }

    [Fact]
    public async Task A_16_security_GetLog_posts_a_multipart_file_with_its_request_id()
    {
        var id = "sim-diag-getlog-16";
        await using var station = await Maintenance.StartAsync(Server, id, OcppVersion.V16);
        using var api = Server.Api();
        await (await api.PostJsonAsync($"/api/stations/{id}/commands/get-diagnostics", "{}")).JsonAsync(200);
        await Maintenance.WaitAsync(station, s => s.UploadStatus == "Uploaded");
        var first = await Maintenance.NewestWithStatusAsync(Server, $"/api/stations/{id}/upload-requests", "Uploaded");
        var url = first.GetProperty("location").GetString()!.TrimEnd('/');

        // The same upload URL without its trailing slash: not a directory, so the station POSTs multipart/form-data to it.
        var answer = await (await api.PostJsonAsync($"/api/stations/{id}/ocpp/GetLog",
            $$$"""{"logType":"DiagnosticsLog","requestId":41,"log":{"remoteLocation":"{{{url}}}"}}""")).JsonAsync(200);
        Assert.Equal("Accepted", answer.GetProperty("status").GetString());
        var fileName = answer.GetProperty("filename").GetString();

        await Maintenance.WaitAsync(station, s => s.Sent("LogStatusNotification").Count == 2);
        Assert.Equal(["Uploading", "Uploaded"], Maintenance.Statuses(station, "LogStatusNotification"));
        Assert.All(station.Sent("LogStatusNotification"), n => Assert.Equal(41, n.GetProperty("requestId").GetInt32()));
        var files = await Uploads.FilesAsync(api, id);
        Assert.Equal(2, files.Length);
        Assert.Equal(fileName, files[0].GetProperty("fileName").GetString());
        var text = Encoding.UTF8.GetString(await Uploads.DownloadAsync(api, files[0].GetProperty("id").GetInt64()));
        Assert.Contains("\"GetLog\"", text, StringComparison.Ordinal);
        await station.AssertSentFramesValidAsync();
    }
}
