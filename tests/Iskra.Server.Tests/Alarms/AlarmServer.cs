using System.Text.Json;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Server.Tests.Resources;

namespace Iskra.Server.Tests.Alarms;

/// <summary>
/// One server per database for the alarm tests, with the timed rules checked every 200 ms, firmware updates and log
/// uploads overdue after 2 s, and three refusals within a minute making a ConnectionRefused alarm.
/// </summary>
public abstract class AlarmServer(string provider) : IAsyncLifetime
{
    public IskraServer Server { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Server = await IskraServer.StartAsync(await TestDatabase.CreateAsync(provider), new Dictionary<string, string?>
        {
            ["Ocpp:MaxMessagesPerSecond"] = "100000",
            ["Ocpp:MessageBurst"] = "100000",
            ["Alarms:CheckInterval"] = "00:00:00.2",
            ["Alarms:FirmwareUpdateFailed:FinishWithin"] = "00:00:02",
            ["Alarms:LogUploadFailed:FinishWithin"] = "00:00:02",
            ["Alarms:ConnectionRefused:Count"] = "3",
            ["Alarms:ConnectionRefused:Window"] = "00:01:00",
        });
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>An <see cref="AlarmServer"/> on SQLite.</summary>
public sealed class AlarmSqliteServer() : AlarmServer("sqlite");

/// <summary>An <see cref="AlarmServer"/> on PostgreSQL.</summary>
public sealed class AlarmPostgresServer() : AlarmServer("postgres");

/// <summary>A test class whose rows run on the <see cref="AlarmServer"/> of each database.</summary>
public abstract class AlarmTests(AlarmSqliteServer sqlite, AlarmPostgresServer postgres) : IClassFixture<AlarmSqliteServer>, IClassFixture<AlarmPostgresServer>
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected IskraServer On(string provider) => provider switch
    {
        "sqlite" => sqlite.Server,
        "postgres" => postgres.Server,
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "sqlite or postgres"),
    };

    /// <summary>The alarms of <paramref name="stationId"/> (of <paramref name="kind"/>), newest first.</summary>
    protected static Task<JsonElement[]> AlarmsAsync(IskraServer server, string stationId, string kind) =>
        server.Api().ItemsAsync($"/api/alarms?stationId={Uri.EscapeDataString(stationId)}&kind={kind}");

    /// <summary>Waits until the station's alarms of <paramref name="kind"/> satisfy <paramref name="condition"/>, and returns them.</summary>
    protected static async Task<JsonElement[]> WaitForAsync(IskraServer server, string stationId, string kind, Func<JsonElement[], bool> condition, TimeSpan? timeout = null)
    {
        var until = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var alarms = await AlarmsAsync(server, stationId, kind);
            if (condition(alarms))
            {
                return alarms;
            }

            Assert.True(DateTimeOffset.UtcNow < until, $"the {kind} alarms of {stationId} never got there: {string.Join(", ", alarms.Select(a => a.ToString()))}");
            await Task.Delay(100, Ct);
        }
    }

    /// <summary>Waits for the one open alarm of <paramref name="kind"/> with <paramref name="count"/>.</summary>
    protected static async Task<JsonElement> WaitForOpenAsync(IskraServer server, string stationId, string kind, int count = 1) =>
        (await WaitForAsync(server, stationId, kind, a => a.Length == 1 && IsOpen(a[0]) && a[0].GetProperty("count").GetInt32() == count))[0];

    /// <summary>Waits until the one alarm of <paramref name="kind"/> cleared, and returns it as GET /api/alarms/{id} reads it.</summary>
    protected static async Task<JsonElement> WaitForClearedAsync(IskraServer server, string stationId, string kind)
    {
        var alarm = (await WaitForAsync(server, stationId, kind, a => a.Length == 1 && !IsOpen(a[0])))[0];
        return await (await server.Api().GetPathAsync($"/api/alarms/{alarm.GetProperty("id").GetInt64()}")).JsonAsync(200);
    }

    protected static bool IsOpen(JsonElement alarm) => alarm.GetProperty("clearedAt").ValueKind == JsonValueKind.Null;

    /// <summary>A cleared alarm says when and how long it lasted.</summary>
    protected static void AssertCleared(JsonElement alarm)
    {
        var opened = alarm.GetProperty("openedAt").GetDateTimeOffset();
        var cleared = alarm.GetProperty("clearedAt").GetDateTimeOffset();
        Assert.True(cleared >= opened, $"{cleared} before {opened}");
        Assert.Equal((long)(cleared - opened).TotalSeconds, alarm.GetProperty("durationSeconds").GetInt64());
    }

    /// <summary>Waits a few rule checks, so that a wrong repeat or clear would have happened.</summary>
    protected static Task SeveralChecksAsync() => Task.Delay(800, Ct);

    /// <summary>An ISO 8601 timestamp <paramref name="offset"/> from now.</summary>
    protected static string Stamp(TimeSpan offset) => (DateTimeOffset.UtcNow + offset).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
