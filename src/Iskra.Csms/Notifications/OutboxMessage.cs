namespace Iskra.Csms.Notifications;

/// <summary>
/// One message accepted for delivery (a webhook POST or an e-mail): stored before it is sent, so it survives a
/// restart, and retried with back-off until delivered or <see cref="ExpiresAt"/>. <see cref="DeliveryId"/> is sent
/// with every attempt so that a receiver can drop a repeat.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    /// <summary>Stable across attempts and restarts (32 hex digits): <c>X-Iskra-Delivery-Id</c>, the e-mail's Message-ID.</summary>
    public required string DeliveryId { get; set; }

    /// <summary><see cref="DeliveryChannels.Email"/> or <see cref="DeliveryChannels.Webhook"/>.</summary>
    public required string Channel { get; set; }

    public long? WebhookId { get; set; }

    public long? SubscriptionId { get; set; }

    /// <summary>E-mail addresses separated by commas (channel Email).</summary>
    public string? Recipients { get; set; }

    /// <summary>The e-mail's subject (channel Email).</summary>
    public string? Subject { get; set; }

    /// <summary>The event type (<c>alarm.raised</c>, <c>alarm.digest</c>, any event a webhook receives).</summary>
    public required string EventType { get; set; }

    public string? StationId { get; set; }

    /// <summary>The webhook's JSON body, or the e-mail's plain text.</summary>
    public required string Body { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset? LastAttemptAt { get; set; }

    /// <summary>What went wrong in the last attempt, as a coarse category (HTTP status, timeout, refused, SMTP reply).</summary>
    public string? LastError { get; set; }

    public OutboxState State { get; set; }

    /// <summary>When it was delivered, or given up (expired).</summary>
    public DateTimeOffset? FinishedAt { get; set; }
}
