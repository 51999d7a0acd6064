using System.Text.Json;
using Iskra.Csms.Traffic;
using Iskra.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Iskra.Server.Tests.Storage;

/// <summary>The traffic purge: a database error is logged and retried, never stops the server; the purge deletes in batches.</summary>
public sealed class TrafficPurgeTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_database_error_in_the_purge_is_retried_and_the_server_keeps_running(string provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var settings = new Dictionary<string, string?>
        {
            ["Jobs:RetryDelay"] = "00:00:00.2",
            ["Jobs:PurgeBatchRows"] = "10",
            ["Csms:TrafficRetention"] = "1.00:00:00",
        };
        await (await IskraServer.StartAsync(database, settings)).DisposeAsync(); // creates the schema
        await using (var db = ServerProcess.OpenDatabase(database.ConnectionString))
        {
            var old = DateTimeOffset.UtcNow.AddDays(-2);
            db.Traffic.AddRange(Enumerable.Range(0, 25).Select(i => new TrafficEntry { StationId = "purge-1", Timestamp = old, Incoming = true, Frame = $"[2,\"{i}\",\"Heartbeat\",{{}}]" }));
            db.Traffic.Add(new TrafficEntry { StationId = "purge-1", Timestamp = DateTimeOffset.UtcNow, Incoming = true, Frame = "[2,\"new\",\"Heartbeat\",{}]" });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE traffic RENAME TO traffic_away", TestContext.Current.CancellationToken);
        }

        await using var server = await IskraServer.StartAsync(database, settings);
        var purge = server.Services.GetRequiredService<TrafficRetention>();
        for (var i = 0; i < 300 && purge.Status.ConsecutiveFailures < 2; i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.True(purge.Status.ConsecutiveFailures >= 2, "the purge was not retried after its failure");
        Assert.False(server.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
        var health = await (await server.Api(null).GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken)).JsonAsync(200);
        Assert.Equal("Degraded", health.GetProperty("status").GetString());
        var job = Assert.Single(health.GetProperty("jobs").EnumerateArray(), j => j.GetProperty("name").GetString() == "traffic-retention");
        Assert.False(string.IsNullOrEmpty(job.GetProperty("lastError").GetString()));

        await using (var db = ServerProcess.OpenDatabase(database.ConnectionString))
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE traffic_away RENAME TO traffic", TestContext.Current.CancellationToken);
        }

        for (var i = 0; i < 300 && purge.Status.LastSuccessAt is null; i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.NotNull(purge.Status.LastSuccessAt);
        Assert.Equal(0, purge.Status.ConsecutiveFailures);
        await using (var db = ServerProcess.OpenDatabase(database.ConnectionString))
        {
            var left = await db.Traffic.Where(t => t.StationId == "purge-1").Select(t => t.Frame).ToListAsync(TestContext.Current.CancellationToken);
            Assert.Equal(["[2,\"new\",\"Heartbeat\",{}]"], left); // 25 old rows went in three batches of at most 10
        }

        var healed = await (await server.Api(null).GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken)).JsonAsync(200);
        Assert.Equal("Healthy", healed.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.String, healed.GetProperty("jobs")[0].GetProperty("lastSuccessAt").ValueKind);
    }
}
