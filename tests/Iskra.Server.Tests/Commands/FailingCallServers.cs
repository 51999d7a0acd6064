using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Commands;

/// <summary>
/// A server on each database with a short call timeout (2 s, so a silent station is a quick 504) and
/// unknown stations admitted as Pending (<c>Csms:AdmitUnknownStations</c>).
/// </summary>
public sealed class FailingCallServers : IAsyncLifetime
{
    private IskraServer? _sqlite;
    private IskraServer? _postgres;
    private readonly string _files = Path.Combine(Path.GetTempPath(), "iskra-tests", "failing-" + Guid.NewGuid().ToString("N"));

    public IskraServer Server(string provider) => provider switch
    {
        "sqlite" => _sqlite!,
        "postgres" => _postgres!,
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "sqlite or postgres"),
    };

    public async ValueTask InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Files:Root"] = _files,
            ["Ocpp:CallTimeout"] = "00:00:02",
            ["Csms:AdmitUnknownStations"] = "true",
            ["Ocpp:MaxMessagesPerSecond"] = "100000",
            ["Ocpp:MessageBurst"] = "100000",
        };
        _sqlite = await IskraServer.StartAsync(await TestDatabase.CreateAsync("sqlite"), settings);
        _postgres = await IskraServer.StartAsync(await TestDatabase.CreateAsync("postgres"), settings);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqlite is not null)
        {
            await _sqlite.DisposeAsync();
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        if (Directory.Exists(_files))
        {
            Directory.Delete(_files, recursive: true);
        }
    }
}
