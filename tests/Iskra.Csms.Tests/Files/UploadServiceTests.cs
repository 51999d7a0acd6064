using Iskra.Csms.Diagnostics;
using Iskra.Csms.Files;
using Iskra.Csms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Csms.Tests.Files;

public sealed class UploadServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<CsmsHarness> StartAsync() => CsmsHarness.StartAsync(new Dictionary<string, string?>
    {
        ["Files:Root"] = Path.Combine(Path.GetTempPath(), "iskra-csms-tests", "files-" + Guid.NewGuid().ToString("N")),
        ["Files:UploadLifetime"] = "1.00:00:00",
    });

    [Fact]
    public async Task An_upload_url_accepts_files_until_its_lifetime_is_over()
    {
        await using var csms = await StartAsync();
        var uploads = csms.Get<UploadService>();
        var request = await uploads.CreateAsync("cp-1", UploadService.Diagnostics, null, null, "http://csms.test", "tester", Ct);
        Assert.Equal($"http://csms.test/files/uploads/{request.Token}/", request.Location);

        csms.Time.Advance(TimeSpan.FromHours(23));
        using (var first = new MemoryStream([1, 2, 3]))
        {
            Assert.NotNull(await uploads.ReceiveAsync(request.Token!, "a.log", first, Ct));
        }

        csms.Time.Advance(TimeSpan.FromHours(2));
        using var late = new MemoryStream([4]);
        Assert.Null(await uploads.ReceiveAsync(request.Token!, "b.log", late, Ct));

        await using var db = await csms.DbAsync();
        Assert.Equal(["a.log"], await db.StationFiles.Select(f => f.FileName).ToListAsync(Ct));
    }

    [Fact]
    public async Task A_log_request_takes_its_row_id_as_request_id_and_only_its_own_notifications_change_it()
    {
        await using var csms = await StartAsync();
        var uploads = csms.Get<UploadService>();
        var one = await uploads.CreateAsync("cp-1", UploadService.Log, "DiagnosticsLog", null, "http://csms.test", "tester", Ct);
        var two = await uploads.CreateAsync("cp-1", UploadService.Log, "SecurityLog", "ftp://elsewhere/", "http://csms.test", "tester", Ct);
        Assert.Equal((int)one.Id, one.RequestId);
        Assert.Null(two.Token);

        await uploads.StatusAsync("cp-1", two.RequestId, "Uploaded", Ct);
        await uploads.StatusAsync("cp-2", one.RequestId, "UploadFailure", Ct);

        await using var db = await csms.DbAsync();
        var statuses = await db.UploadRequests.OrderBy(r => r.Id).Select(r => r.Status).ToListAsync(Ct);
        Assert.Equal(["Sent", "Uploaded"], statuses);
    }

    [Fact]
    public async Task A_file_over_the_limit_leaves_nothing_on_disk()
    {
        await using var csms = await CsmsHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Files:Root"] = Path.Combine(Path.GetTempPath(), "iskra-csms-tests", "files-" + Guid.NewGuid().ToString("N")),
            ["Files:MaxUploadBytes"] = "10",
        });
        var uploads = csms.Get<UploadService>();
        var request = await uploads.CreateAsync("cp-1", UploadService.Diagnostics, null, null, "http://csms.test", "tester", Ct);

        using var big = new MemoryStream(new byte[11]);
        await Assert.ThrowsAsync<FileTooLargeException>(() => uploads.ReceiveAsync(request.Token!, "big", big, Ct));

        var root = csms.Get<FileStore>().Root;
        Assert.Empty(Directory.Exists(root) ? Directory.GetFiles(root, "*", SearchOption.AllDirectories) : []);
    }
}
