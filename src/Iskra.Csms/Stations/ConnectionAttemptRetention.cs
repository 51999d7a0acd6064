using Iskra.Csms.Jobs;
using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Iskra.Csms.Stations;

/// <summary>
/// Deletes refused-handshake rows older than <see cref="CsmsOptions.ConnectionAttemptRetention"/>, at
/// start and then hourly, in batches of <see cref="JobOptions.PurgeBatchRows"/> so no delete holds the
/// database long. A database error is retried (<see cref="SupervisedJob"/>).
/// </summary>
public sealed class ConnectionAttemptRetention(
    IDbContextFactory<IskraDbContext> contexts,
    IOptions<CsmsOptions> options,
    IOptions<JobOptions> jobs,
    TimeProvider time,
    ILogger<ConnectionAttemptRetention> logger) : SupervisedJob("connection-attempt-retention", jobs, time, logger)
{
    protected override TimeSpan Period => TimeSpan.FromHours(1);

    /// <summary>Deletes the expired rows, one batch per statement; returns how many.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var cutoff = Time.GetUtcNow() - options.Value.ConnectionAttemptRetention;
        var batch = Math.Max(1, Settings.PurgeBatchRows);
        var total = 0;
        int deleted;
        do
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            deleted = await db.ConnectionAttempts.Where(a => a.Timestamp < cutoff).OrderBy(a => a.Id).Take(batch)
                .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            total += deleted;
        }
        while (deleted == batch);

        return total;
    }

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => PurgeAsync(cancellationToken);
}
