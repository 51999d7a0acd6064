using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Csms.Notifications;

/// <summary>The tables of subscriptions, the outbox, delivery attempts and digest items.</summary>
internal static class NotificationsModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<NotificationSubscription>(e =>
        {
            e.ToTable("notification_subscriptions");
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Channel).HasMaxLength(20);
            e.Property(x => x.Recipients).HasMaxLength(1000);
            e.Property(x => x.MinimumSeverity).HasMaxLength(20);
            e.Property(x => x.Kinds).HasMaxLength(1000);
            e.Property(x => x.Stations).HasMaxLength(1000);
        });
        b.Entity<OutboxMessage>(e =>
        {
            e.ToTable("outbox");
            e.Property(x => x.DeliveryId).HasMaxLength(32);
            e.Property(x => x.Channel).HasMaxLength(20);
            e.Property(x => x.Recipients).HasMaxLength(1000);
            e.Property(x => x.Subject).HasMaxLength(300);
            e.Property(x => x.EventType).HasMaxLength(50);
            e.Property(x => x.StationId).HasMaxLength(IskraModel.StationIdLength);
            e.Property(x => x.LastError).HasMaxLength(500);
            e.HasIndex(x => x.DeliveryId).IsUnique();
            e.HasIndex(x => new { x.State, x.NextAttemptAt });
            e.HasIndex(x => new { x.WebhookId, x.Id });
            e.HasIndex(x => new { x.SubscriptionId, x.Id });
            e.HasIndex(x => x.CreatedAt);
        });
        b.Entity<DeliveryAttempt>(e =>
        {
            e.ToTable("delivery_attempts");
            e.Property(x => x.Outcome).HasMaxLength(200);
            e.HasIndex(x => new { x.OutboxId, x.Id });
        });
        b.Entity<NotificationItem>(e =>
        {
            e.ToTable("notification_items");
            e.Property(x => x.EventType).HasMaxLength(50);
            e.Property(x => x.StationId).HasMaxLength(IskraModel.StationIdLength);
            e.HasIndex(x => new { x.OutboxId, x.SubscriptionId, x.Id });
        });
    }
}
