using Iskra.Csms.Jobs;
using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Iskra.Csms.Notifications;

/// <summary>
/// Deletes delivered and failed outbox messages finished more than <see cref="OutboxOptions.Retention"/> ago, with their
/// delivery attempts and the digest items bundled into them, once at start and then hourly, in batches of
/// <see cref="JobOptions.PurgeBatchRows"/>. Pending messages are never deleted here (they expire first).
/// </summary>
public sealed class OutboxRetention(
    IDbContextFactory<IskraDbContext> contexts,
    IOptions<OutboxOptions> options,
    IOptions<JobOptions> jobs,
    TimeProvider time,
    ILogger<OutboxRetention> logger) : SupervisedJob("outbox-retention", jobs, time, logger)
{
    protected override TimeSpan Period => TimeSpan.FromHours(1);

    /// <summary>Deletes the expired messages, one batch per transaction; returns how many.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var cutoff = Time.GetUtcNow() - options.Value.Retention;
        var batch = Math.Max(1, Settings.PurgeBatchRows);
        var total = 0;
        while (true)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            // CreatedAt is indexed and never after FinishedAt, so it bounds the scan.
            var ids = await db.Outbox.Where(m => m.CreatedAt < cutoff && m.State != OutboxState.Pending && m.FinishedAt < cutoff)
                .OrderBy(m => m.Id).Select(m => m.Id).Take(batch).ToListAsync(cancellationToken).ConfigureAwait(false);
            if (ids.Count == 0)
            {
                return total;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await db.DeliveryAttempts.Where(a => ids.Contains(a.OutboxId)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            await db.NotificationItems.Where(i => i.OutboxId != null && ids.Contains(i.OutboxId.Value)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            total += await db.Outbox.Where(m => ids.Contains(m.Id)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            if (ids.Count < batch)
            {
                return total;
            }
        }
    }

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => PurgeAsync(cancellationToken);
}
