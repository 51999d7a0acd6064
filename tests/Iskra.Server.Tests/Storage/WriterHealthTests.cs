using System.Data.Common;
using System.Text.Json;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Iskra.Server.Tests.Storage;

/// <summary>
/// /health reports the storage writer: a writer blocked by a database lock is Unhealthy while station calls wait
/// and counts the work queued behind it; a failed commit is reported with its error, degrading health until a
/// later commit succeeds.
/// </summary>
public sealed class WriterHealthTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_writer_blocked_by_a_lock_makes_health_unhealthy_and_healthy_again_once_released(string provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var server = await IskraServer.StartAsync(database, new Dictionary<string, string?>
        {
            ["Health:WriterDegradedAfter"] = "00:00:00.5",
            ["Health:WriterUnhealthyAfter"] = "00:00:02",
        });
        await using var station = await RespondingStation.StartAsync(server, "health-1", OcppVersion.V16);
        await server.StationAsync("health-2");
        var before = await HealthAsync(server, 200);
        Assert.Equal("Healthy", before.GetProperty("status").GetString());
        Assert.Equal(0, before.GetProperty("writer").GetProperty("queueDepth").GetInt32());

        Task<JsonElement> waiting;
        var locked = await LockAsync(database);
        await using (locked)
        {
            waiting = station.CallAsync("StatusNotification", """{"connectorId":1,"errorCode":"NoError","status":"Available"}""");
            var blocked = await WhenAsync(server, 503, h => h.GetProperty("status").GetString() == "Unhealthy");
            Assert.False(waiting.IsCompleted); // the station still waits for its answer
            Assert.Equal("Unhealthy", blocked.GetProperty("writer").GetProperty("status").GetString());
            Assert.True(blocked.GetProperty("writer").GetProperty("oldestWaitSeconds").GetDouble() >= 2);
            Assert.True(blocked.GetProperty("database").GetBoolean()); // the database itself still answers

            // Work that comes meanwhile waits behind the stuck batch, and /health counts it.
            await using var second = await RespondingStation.ConnectAsync(server, "health-2", OcppVersion.V16);
            var queued = await WhenAsync(server, 503, h => h.GetProperty("writer").GetProperty("queueDepth").GetInt32() > 0);
            Assert.Equal("Unhealthy", queued.GetProperty("writer").GetProperty("status").GetString());
            await using var rollback = locked.CreateCommand();
            rollback.CommandText = "ROLLBACK;"; // releases the lock (a pooled connection would keep its transaction)
            await rollback.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        await waiting;
        // The queue drains (the second station's departure is written too).
        var after = await WhenAsync(server, 200, h => h.GetProperty("status").GetString() == "Healthy" && h.GetProperty("writer").GetProperty("queueDepth").GetInt32() == 0);
        Assert.Equal(JsonValueKind.String, after.GetProperty("writer").GetProperty("lastCommitAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, after.GetProperty("writer").GetProperty("lastCommitError").ValueKind); // waiting is not failing
        Assert.Equal("Healthy", await (await server.Api(null).GetAsync(new Uri("/health/live", UriKind.Relative), TestContext.Current.CancellationToken)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_failed_commit_is_reported_with_its_error_and_stops_degrading_health_once_a_later_commit_succeeds(string provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        // A lock is waited for one second only, so the writer's commit fails instead of waiting.
        var impatient = database.ConnectionString + (provider == "sqlite" ? ";Default Timeout=1" : ";Options=-c lock_timeout=1000");
        await using var server = await IskraServer.StartAsync(database, new Dictionary<string, string?> { ["DATABASE"] = impatient });
        await using var station = await RespondingStation.StartAsync(server, "health-3", OcppVersion.V16);
        var before = (await HealthAsync(server, 200)).GetProperty("writer");
        Assert.Equal(JsonValueKind.Null, before.GetProperty("lastCommitError").ValueKind);

        await using (var locked = await LockAsync(database))
        {
            var call = station.CallAsync("StatusNotification", """{"connectorId":1,"errorCode":"NoError","status":"Available"}""");
            var failing = await WhenAsync(server, 200, h => h.GetProperty("writer").GetProperty("lastCommitError").ValueKind == JsonValueKind.String);
            Assert.Equal("Degraded", failing.GetProperty("status").GetString());
            Assert.Equal("Degraded", failing.GetProperty("writer").GetProperty("status").GetString());
            Assert.Contains("lock", failing.GetProperty("writer").GetProperty("lastCommitError").GetString(), StringComparison.OrdinalIgnoreCase);
            Assert.Equal(JsonValueKind.String, failing.GetProperty("writer").GetProperty("lastCommitErrorAt").ValueKind);
            try
            {
                await call; // PostgreSQL's lock is on the traffic table only, so the retried status is stored; SQLite's holds everything
            }
            catch (Exception e) when (provider == "sqlite")
            {
                Assert.Contains("InternalError", e.Message, StringComparison.Ordinal);
            }

            await using var rollback = locked.CreateCommand();
            rollback.CommandText = "ROLLBACK;";
            await rollback.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        await station.CallAsync("StatusNotification", """{"connectorId":1,"errorCode":"NoError","status":"Preparing"}""");
        var after = await WhenAsync(server, 200, h => h.GetProperty("status").GetString() == "Healthy");
        var writer = after.GetProperty("writer");
        Assert.Equal("Healthy", writer.GetProperty("status").GetString());
        Assert.Contains("lock", writer.GetProperty("lastCommitError").GetString(), StringComparison.OrdinalIgnoreCase); // still told, as the last failure
        Assert.True(writer.GetProperty("lastCommitAt").GetDateTimeOffset() > writer.GetProperty("lastCommitErrorAt").GetDateTimeOffset());
    }

    /// <summary>Holds the write lock: SQLite's one writer, or PostgreSQL's traffic table (every station message writes to it).</summary>
    private static async Task<DbConnection> LockAsync(TestDatabase database)
    {
        DbConnection connection = database.Provider == "sqlite" ? new SqliteConnection(database.ConnectionString) : new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = database.Provider == "sqlite" ? "BEGIN IMMEDIATE;" : "BEGIN; LOCK TABLE traffic IN ACCESS EXCLUSIVE MODE;";
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        return connection;
    }

    private static async Task<JsonElement> HealthAsync(IskraServer server, int status) =>
        await (await server.Api(null).GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken)).JsonAsync(status);

    private static async Task<JsonElement> WhenAsync(IskraServer server, int status, Func<JsonElement, bool> done)
    {
        var text = "";
        for (var i = 0; i < 300; i++)
        {
            var response = await server.Api(null).GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);
            text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            var body = JsonDocument.Parse(text).RootElement.Clone();
            if ((int)response.StatusCode == status && done(body))
            {
                return body;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Fail("/health never reached the expected state: " + text);
        return default;
    }
}
