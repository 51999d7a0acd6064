using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Files;

/// <summary>
/// One server per database provider for the files tests, each with its own files folder and a small
/// upload limit (<see cref="MaxUploadBytes"/>) so that the 413 path is cheap to reach.
/// </summary>
public sealed class FilesServers : IAsyncLifetime
{
    public const int MaxUploadBytes = 64 * 1024;
    public const int MaxFirmwareBytes = 256 * 1024;

    private readonly Dictionary<string, IskraServer> _servers = [];
    private readonly string _id = Guid.NewGuid().ToString("N");

    public IskraServer Server(string provider) => _servers[provider];

    /// <summary>The files folder of <paramref name="provider"/>'s server.</summary>
    public string Root(string provider) => Path.Combine(Path.GetTempPath(), "iskra-tests", "files-" + provider + "-" + _id);

    public async ValueTask InitializeAsync()
    {
        foreach (var provider in new[] { "sqlite", "postgres" })
        {
            _servers[provider] = await IskraServer.StartAsync(await TestDatabase.CreateAsync(provider), new Dictionary<string, string?>
            {
                ["Files:Root"] = Root(provider),
                ["Files:MaxUploadBytes"] = MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Files:MaxFirmwareBytes"] = MaxFirmwareBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Files:MaxFilesPerUpload"] = "10", // these tests send several files to one URL (the default is 1: FileUrlTests)
            });
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var server in _servers.Values)
        {
            await server.DisposeAsync();
        }
    }
}
