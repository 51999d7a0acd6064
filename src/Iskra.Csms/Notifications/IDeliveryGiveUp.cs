namespace Iskra.Csms.Notifications;

/// <summary>A channel that wants to know when one of its messages fails for good (expired, or a permanent failure).</summary>
public interface IDeliveryGiveUp
{
    /// <summary>Called once, after <paramref name="message"/> was marked <see cref="OutboxState.Failed"/>.</summary>
    Task GaveUpAsync(OutboxMessage message, CancellationToken cancellationToken);
}
