namespace Iskra.Csms.Notifications;

/// <summary>An alarm change waiting for its subscription's digest; bundled into one <see cref="OutboxMessage"/> when the digest is due.</summary>
public sealed class NotificationItem
{
    public long Id { get; set; }

    public long SubscriptionId { get; set; }

    public long AlarmId { get; set; }

    /// <summary>The event type of the change: <c>alarm.raised</c> or <c>alarm.cleared</c>.</summary>
    public required string EventType { get; set; }

    public required string StationId { get; set; }

    /// <summary>The alarm as JSON, as it was at the change.</summary>
    public required string Payload { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The digest message it went into; null while waiting.</summary>
    public long? OutboxId { get; set; }
}
