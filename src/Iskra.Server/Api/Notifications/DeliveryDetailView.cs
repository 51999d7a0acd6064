using Iskra.Csms.Notifications;

namespace Iskra.Server.Api.Notifications;

/// <summary>One delivery with its body (the webhook's JSON or the e-mail's text) and every attempt, oldest first.</summary>
public sealed record DeliveryDetailView(DeliveryView Delivery, string Body, IReadOnlyList<DeliveryAttemptView> Attempts)
{
    public static DeliveryDetailView From(OutboxMessage message, IEnumerable<DeliveryAttempt> attempts)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new(DeliveryView.From(message), message.Body, [.. attempts.Select(DeliveryAttemptView.From)]);
    }
}
