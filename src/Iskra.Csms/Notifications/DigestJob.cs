using System.Text.Json;
using Iskra.Csms.Events;
using Iskra.Csms.Jobs;
using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Iskra.Csms.Notifications;

/// <summary>
/// Every <c>Notifications:DigestCheckInterval</c> (1 s), bundles the waiting <see cref="NotificationItem"/>s of each digest
/// subscription whose oldest item has waited <see cref="NotificationSubscription.DigestSeconds"/> into ONE
/// <see cref="OutboxMessage"/> (<c>alarm.digest</c>) and marks the items with it in the same transaction: a restart
/// neither loses a digest nor sends one twice. Items of a deleted or disabled subscription are dropped.
/// </summary>
public sealed partial class DigestJob(
    IDbContextFactory<IskraDbContext> contexts,
    AlarmNotifier notifier,
    OutboxSignal outbox,
    IOptionsMonitor<NotificationOptions> options,
    IOptionsMonitor<OutboxOptions> outboxOptions,
    IOptions<JobOptions> jobs,
    TimeProvider time,
    ILogger<DigestJob> logger) : SupervisedJob("notification-digests", jobs, time, logger)
{
    protected override TimeSpan Period => options.CurrentValue.DigestCheckInterval > TimeSpan.Zero ? options.CurrentValue.DigestCheckInterval : TimeSpan.FromSeconds(1);

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        if (await RunAsync(cancellationToken).ConfigureAwait(false) > 0)
        {
            outbox.Wake();
        }
    }

    /// <summary>Writes the digests that are due; returns how many.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow();
        List<(long SubscriptionId, DateTimeOffset CreatedAt)> waiting;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            waiting = [.. (await db.NotificationItems.AsNoTracking().Where(i => i.OutboxId == null)
                .Select(i => new { i.SubscriptionId, i.CreatedAt }).ToListAsync(cancellationToken).ConfigureAwait(false))
                .Select(i => (i.SubscriptionId, i.CreatedAt))];
        }

        if (waiting.Count == 0)
        {
            return 0;
        }

        var written = 0;
        foreach (var group in waiting.GroupBy(i => i.SubscriptionId))
        {
            var oldest = group.Min(i => i.CreatedAt);
            if (await BundleAsync(group.Key, oldest, now, cancellationToken).ConfigureAwait(false))
            {
                written++;
            }
        }

        return written;
    }

    private async Task<bool> BundleAsync(long subscriptionId, DateTimeOffset oldest, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var subscription = await db.NotificationSubscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == subscriptionId, cancellationToken).ConfigureAwait(false);
        if (subscription is null || !subscription.Enabled)
        {
            var dropped = await db.NotificationItems.Where(i => i.SubscriptionId == subscriptionId && i.OutboxId == null).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            LogDropped(logger, dropped, subscriptionId);
            return false;
        }

        if (now - oldest < TimeSpan.FromSeconds(subscription.DigestSeconds))
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var items = await db.NotificationItems.Where(i => i.SubscriptionId == subscriptionId && i.OutboxId == null)
            .OrderBy(i => i.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (items.Count == 0)
        {
            return false;
        }

        List<AlarmData> alarms = [.. items.Select(i => JsonSerializer.Deserialize(i.Payload, NotificationJsonContext.Default.AlarmData)!)];
        var settings = options.CurrentValue;
        var message = AlarmMessages.Digest(subscription, alarms, notifier.BaseUrl, settings.DigestMaxLines, now, outboxOptions.CurrentValue.Expiry);
        db.Outbox.Add(message);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        foreach (var item in items)
        {
            item.OutboxId = message.Id;
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dropped {Count} digest items of subscription {SubscriptionId}: it was deleted or disabled")]
    private static partial void LogDropped(ILogger logger, int count, long subscriptionId);
}
