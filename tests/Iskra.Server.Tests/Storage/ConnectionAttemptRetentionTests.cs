using Iskra.Csms.Stations;
using Iskra.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Iskra.Server.Tests.Storage;

/// <summary>Refused-handshake rows are kept for Csms:ConnectionAttemptRetention (7 days) and purged in chunks of Jobs:PurgeBatchRows.</summary>
public sealed class ConnectionAttemptRetentionTests(SharedSqliteServer sqlite, SharedPostgresServer postgres) : BothDatabases(sqlite, postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Rows_older_than_the_retention_are_deleted_in_chunks_and_newer_ones_kept(string provider)
    {
        var server = On(provider);
        var old = DateTimeOffset.UtcNow.AddDays(-8);
        var oldCount = new Iskra.Csms.Jobs.JobOptions().PurgeBatchRows + 7; // more than one chunk
        await server.SeedAsync(db =>
        {
            for (var i = 0; i < oldCount; i++)
            {
                db.ConnectionAttempts.Add(new ConnectionAttempt { StationId = "RET-OLD", RemoteAddress = "192.0.2.1", Reason = RefusalReason.UnknownStation, FirstSeen = old, Timestamp = old, Count = 3 });
            }

            db.ConnectionAttempts.Add(new ConnectionAttempt { StationId = "RET-NEW", RemoteAddress = "192.0.2.1", Reason = RefusalReason.UnknownStation, FirstSeen = old, Timestamp = DateTimeOffset.UtcNow.AddDays(-6) });
        });

        var deleted = await server.Services.GetRequiredService<ConnectionAttemptRetention>().PurgeAsync(Ct);

        Assert.True(deleted >= oldCount, $"deleted {deleted}");
        await using var db = server.CreateDbContext();
        Assert.False(await db.ConnectionAttempts.AnyAsync(a => a.StationId == "RET-OLD", Ct));
        var job = server.Services.GetRequiredService<ConnectionAttemptRetention>();
        Assert.Equal("connection-attempt-retention", job.Name); // supervised: its failures are retried and shown in /health
        Assert.True(await db.ConnectionAttempts.AnyAsync(a => a.StationId == "RET-NEW", Ct));
    }
}
