namespace Iskra.Csms.Notifications;

/// <summary>One way out of the outbox (<see cref="DeliveryChannels"/>): sends one <see cref="OutboxMessage"/> once.</summary>
public interface IDeliveryChannel
{
    /// <summary><see cref="DeliveryChannels.Email"/> or <see cref="DeliveryChannels.Webhook"/>: the messages it sends.</summary>
    string Name { get; }

    /// <summary>One attempt; never throws for a failed delivery, it says so in the result.</summary>
    Task<DeliveryResult> SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}

/// <summary>The outcome of one attempt: <see cref="Outcome"/> is a coarse category ("200", "timeout", "refused", "550").</summary>
/// <param name="Permanent">No retry can succeed (a refused destination, a deleted webhook): the message fails now.</param>
public sealed record DeliveryResult(bool Delivered, string Outcome, bool Permanent = false);
