namespace Iskra.Csms.Notifications;

/// <summary>A new <see cref="OutboxMessage"/>, pending now, that expires after <c>Notifications:Expiry</c> (the lifetime given).</summary>
public static class OutboxRows
{
    public static OutboxMessage New(string deliveryId, string channel, string eventType, string body, DateTimeOffset now, TimeSpan lifetime) => new()
    {
        DeliveryId = deliveryId,
        Channel = channel,
        EventType = eventType,
        Body = body,
        CreatedAt = now,
        NextAttemptAt = now,
        ExpiresAt = now + (lifetime > TimeSpan.Zero ? lifetime : TimeSpan.FromHours(24)),
        State = OutboxState.Pending,
    };
}
