using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Simulator.Maintenance;

/// <summary>One SQLite Iskra for the maintenance tests, with its firmware and upload files in a temporary folder.</summary>
public sealed class MaintenanceServer : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "iskra-tests", "sim-maintenance-" + Guid.NewGuid().ToString("N"));

    public IskraServer Server { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Server = await IskraServer.StartAsync(await TestDatabase.CreateAsync("sqlite"), new Dictionary<string, string?>
        {
            ["Files:Root"] = _root,
            ["Files:MaxFilesPerUpload"] = "2", // the security GetLog case posts a second file to a used upload URL (default 1)
            ["Ocpp:MaxMessagesPerSecond"] = "100000",
            ["Ocpp:MessageBurst"] = "100000",
        });
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing was stored.
        }
    }
}
