namespace Iskra.Csms.Notifications;

/// <summary>A new <see cref="OutboxMessage"/>, pending now, with a fresh delivery id.</summary>
public static class OutboxRows
{
    /// <summary>A new delivery id: 32 hex digits.</summary>
    public static string NewDeliveryId() => Guid.NewGuid().ToString("N");

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
