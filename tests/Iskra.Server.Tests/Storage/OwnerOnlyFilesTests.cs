using System.Runtime.Versioning;
using Iskra.Csms.Files;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Iskra.Server.Tests.Storage;

/// <summary>
/// The data folder, the SQLite files in it and the stored files are the owner's only: folders 0700, files 0600,
/// whatever the umask; a folder or file that was open to others is tightened at start, logged once.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class OwnerOnlyFilesTests
{
    private const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode File = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_fresh_data_folder_its_database_files_and_stored_files_are_the_owners_only()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        var root = Path.Combine(Path.GetTempPath(), "iskra-tests", Guid.NewGuid().ToString("N"));
        var data = Path.Combine(root, "data");
        var files = Path.Combine(data, "files");
        await using var server = await StartAsync(data, files, log: null);
        await using (await RespondingStation.StartAsync(server, "owner-1", OcppVersion.V16))
        {
            // a boot has been stored: the database has written through its -wal
        }

        var stored = await server.Services.GetRequiredService<FileStore>().WriteAsync("firmware", new MemoryStream([1, 2, 3]), 100, Ct);

        Assert.Equal(Folder, System.IO.File.GetUnixFileMode(data));
        Assert.Equal(File, System.IO.File.GetUnixFileMode(Path.Combine(data, "iskra.db")));
        Assert.Equal(File, System.IO.File.GetUnixFileMode(Path.Combine(data, "iskra.db-wal")));
        Assert.Equal(File, System.IO.File.GetUnixFileMode(Path.Combine(data, "iskra.db-shm")));
        Assert.Equal(Folder, System.IO.File.GetUnixFileMode(files));
        Assert.Equal(Folder, System.IO.File.GetUnixFileMode(Path.Combine(files, "firmware")));
        Assert.Equal(File, System.IO.File.GetUnixFileMode(Path.Combine(files, stored.Path)));
    }

    [Fact]
    public async Task A_data_folder_and_database_open_to_others_are_tightened_at_start_and_logged()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        var data = Path.Combine(Path.GetTempPath(), "iskra-tests", Guid.NewGuid().ToString("N"));
        var files = Path.Combine(data, "files");
        var open = Folder | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        Directory.CreateDirectory(files);
        System.IO.File.SetUnixFileMode(data, open);
        System.IO.File.SetUnixFileMode(files, open);
        await System.IO.File.WriteAllBytesAsync(Path.Combine(data, "iskra.db"), [], Ct); // an empty file is an empty SQLite database
        System.IO.File.SetUnixFileMode(Path.Combine(data, "iskra.db"), File | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var log = new CapturedLog();
        await using var server = await StartAsync(data, files, log);

        Assert.Equal(Folder, System.IO.File.GetUnixFileMode(data));
        Assert.Equal(Folder, System.IO.File.GetUnixFileMode(files));
        Assert.Equal(File, System.IO.File.GetUnixFileMode(Path.Combine(data, "iskra.db")));
        var category = server.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.IWebHostEnvironment>().ApplicationName;
        Assert.Contains($"Information {category}: {data} was open to other users (0755); it is now the owner's only (0700).", log.Text, StringComparison.Ordinal);
        Assert.Contains($"Information {category}: {Path.Combine(data, "iskra.db")} was open to other users (0644); it is now the owner's only (0600).", log.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_in_a_shared_sticky_folder_leaves_the_folder_as_it_is_and_still_keeps_its_files_private()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        var shared = Path.Combine(Path.GetTempPath(), "iskra-tests", Guid.NewGuid().ToString("N")); // like /tmp: 1777
        var files = Path.Combine(shared, "files-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(shared);
        var sticky = UnixFileMode.StickyBit | Folder | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
            | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
        System.IO.File.SetUnixFileMode(shared, sticky);
        var log = new CapturedLog();
        await using var server = await StartAsync(shared, files, log);

        Assert.Equal(sticky, System.IO.File.GetUnixFileMode(shared));
        Assert.Equal(File, System.IO.File.GetUnixFileMode(Path.Combine(shared, "iskra.db")));
        Assert.Contains($"{shared} is a folder shared with other users", log.Text, StringComparison.Ordinal);
    }

    private static async Task<IskraServer> StartAsync(string data, string files, CapturedLog? log) =>
        await IskraServer.StartAsync(
            TestDatabase.Sqlite(Path.Combine(data, "iskra.db")),
            new Dictionary<string, string?> { ["Files:Root"] = files },
            b =>
            {
                if (log is not null)
                {
                    b.Logging.AddProvider(log);
                    b.Logging.SetMinimumLevel(LogLevel.Information);
                }
            });
}
