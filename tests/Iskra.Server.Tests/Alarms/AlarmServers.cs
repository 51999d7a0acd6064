using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Alarms;

/// <summary>
/// One server per database for the alarm rule tests, with the rules' times shortened to seconds: checked every 0.2 s,
/// a station offline after 1 s, a session silent after 3 s or suspended after 1 s, a remote start without a session
/// after 1 s, and the event alarms quiet after 2 s (a remote start's after 6 s).
/// </summary>
public sealed class AlarmServers : IAsyncLifetime
{
    public static readonly Dictionary<string, string?> Settings = new()
    {
        ["Ocpp:MaxMessagesPerSecond"] = "100000",
        ["Ocpp:MessageBurst"] = "100000",
        ["Alarms:CheckInterval"] = "00:00:00.2",
        ["Alarms:StationOffline:After"] = "00:00:01",
        ["Alarms:NoMeterValues:After"] = "00:00:03",
        ["Alarms:SessionSuspended:After"] = "00:00:01",
        ["Alarms:RemoteStartWithoutSession:After"] = "00:00:01",
        ["Alarms:RemoteStartWithoutSession:ClearAfter"] = "00:00:06",
        ["Alarms:SecurityEvent:ClearAfter"] = "00:00:02",
        ["Alarms:ConnectionFlipFlop:ClearAfter"] = "00:00:02",
    };

    private IskraServer? _sqlite;
    private IskraServer? _postgres;
    private readonly SemaphoreSlim _start = new(1, 1);

    /// <summary>The server on <paramref name="provider"/>, started on first use.</summary>
    public async Task<IskraServer> OnAsync(string provider)
    {
        await _start.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            return provider == "sqlite"
                ? _sqlite ??= await IskraServer.StartAsync(await TestDatabase.CreateAsync("sqlite"), Settings)
                : _postgres ??= await IskraServer.StartAsync(await TestDatabase.CreateAsync("postgres"), Settings);
        }
        finally
        {
            _start.Release();
        }
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

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

        _start.Dispose();
    }
}
