using System.Globalization;
using Iskra.Csms.Access;
using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Csms.Notifications;

/// <summary>
/// Notification subscriptions for the API and the console alike: read, create, replace and delete, each change audited
/// (field names only: recipients are personal data) and followed by <see cref="AlarmNotifier.ReloadAsync"/>.
/// </summary>
public sealed class SubscriptionService(IDbContextFactory<IskraDbContext> contexts, AlarmNotifier notifier, AdminAudit audit, TimeProvider time)
{
    public async Task<List<NotificationSubscription>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.NotificationSubscriptions.AsNoTracking().OrderBy(s => s.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<NotificationSubscription?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.NotificationSubscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stores a new subscription; throws <see cref="SubscriptionInvalidException"/> when its webhook does not exist.</summary>
    public async Task<NotificationSubscription> CreateAsync(SubscriptionInput input, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var subscription = new NotificationSubscription { Name = input.Name, Channel = input.Channel, MinimumSeverity = input.MinimumSeverity, CreatedAt = time.GetUtcNow() };
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            await CheckWebhookAsync(db, input, cancellationToken).ConfigureAwait(false);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            Apply(subscription, input);
            db.NotificationSubscriptions.Add(subscription);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            audit.Add(db, actor, AdminActions.SubscriptionCreated, Target(subscription.Id), Fields(input));
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        await notifier.ReloadAsync(cancellationToken).ConfigureAwait(false);
        return subscription;
    }

    /// <summary>Replaces subscription <paramref name="id"/> with <paramref name="input"/>; null when there is none.</summary>
    public async Task<NotificationSubscription?> ReplaceAsync(long id, SubscriptionInput input, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        NotificationSubscription? subscription;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            subscription = await db.NotificationSubscriptions.FirstOrDefaultAsync(s => s.Id == id, cancellationToken).ConfigureAwait(false);
            if (subscription is null)
            {
                return null;
            }

            await CheckWebhookAsync(db, input, cancellationToken).ConfigureAwait(false);
            Apply(subscription, input);
            audit.Add(db, actor, AdminActions.SubscriptionUpdated, Target(id), Fields(input));
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        await notifier.ReloadAsync(cancellationToken).ConfigureAwait(false);
        return subscription;
    }

    /// <summary>Deletes subscription <paramref name="id"/> (its waiting digest items are dropped by the digest job); false when there is none.</summary>
    public async Task<bool> DeleteAsync(long id, string actor, CancellationToken cancellationToken)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await db.NotificationSubscriptions.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                return false;
            }

            await audit.WriteAsync(db, actor, AdminActions.SubscriptionDeleted, Target(id), []).ConfigureAwait(false);
        }

        await notifier.ReloadAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static async Task CheckWebhookAsync(IskraDbContext db, SubscriptionInput input, CancellationToken cancellationToken)
    {
        if (input.Channel == DeliveryChannels.Webhook
            && !await db.Webhooks.AnyAsync(w => w.Id == input.WebhookId, cancellationToken).ConfigureAwait(false))
        {
            throw new SubscriptionInvalidException($"webhookId: there is no webhook {input.WebhookId}.");
        }
    }

    private static void Apply(NotificationSubscription s, SubscriptionInput input)
    {
        s.Name = input.Name;
        s.Channel = input.Channel;
        s.Recipients = input.Channel == DeliveryChannels.Email ? string.Join(',', input.Recipients) : null;
        s.WebhookId = input.Channel == DeliveryChannels.Webhook ? input.WebhookId : null;
        s.MinimumSeverity = input.MinimumSeverity;
        s.Kinds = string.Join(',', input.Kinds);
        s.Stations = string.Join(',', input.Stations);
        s.DigestSeconds = input.DigestSeconds;
        s.IncludeCleared = input.IncludeCleared;
        s.Enabled = input.Enabled;
    }

    /// <summary>The names of the fields the subscription sets: never the recipients' addresses.</summary>
    private static IEnumerable<string> Fields(SubscriptionInput input)
    {
        yield return "name";
        yield return "channel";
        yield return input.Channel == DeliveryChannels.Email ? "recipients" : "webhookId";
        yield return "minimumSeverity";
        if (input.Kinds.Count > 0)
        {
            yield return "kinds";
        }

        if (input.Stations.Count > 0)
        {
            yield return "stations";
        }

        yield return "digestSeconds";
        yield return "includeCleared";
        yield return "enabled";
    }

    private static string Target(long id) => "subscription " + id.ToString(CultureInfo.InvariantCulture);
}
