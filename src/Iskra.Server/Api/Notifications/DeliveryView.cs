using Iskra.Csms.Notifications;

namespace Iskra.Server.Api.Notifications;

/// <summary>
/// A message of the outbox as the API shows it: where it goes, what it carries (<see cref="EventType"/>; the body only in
/// <see cref="DeliveryDetailView"/>), and how its delivery goes: <see cref="State"/> Pending, Delivered or Failed, the attempts
/// made, the next one, the last error (a coarse category) and when it expires.
/// </summary>
public sealed record DeliveryView(
    long Id, string DeliveryId, string Channel, long? WebhookId, long? SubscriptionId, string? Recipients, string? Subject, string EventType, string? StationId,
    string State, DateTimeOffset CreatedAt, int Attempts, DateTimeOffset? LastAttemptAt, string? LastError, DateTimeOffset? NextAttemptAt, DateTimeOffset ExpiresAt,
    DateTimeOffset? FinishedAt)
{
    public static DeliveryView From(OutboxMessage m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new(m.Id, m.DeliveryId, m.Channel, m.WebhookId, m.SubscriptionId, m.Recipients, m.Subject, m.EventType, m.StationId, m.State.ToString(), m.CreatedAt,
            m.Attempts, m.LastAttemptAt, m.LastError, m.State == OutboxState.Pending ? m.NextAttemptAt : null, m.ExpiresAt, m.FinishedAt);
    }
}
