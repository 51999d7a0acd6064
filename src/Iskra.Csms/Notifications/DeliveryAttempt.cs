namespace Iskra.Csms.Notifications;

/// <summary>One try at delivering an <see cref="OutboxMessage"/>, kept so an operator can see what happened.</summary>
public sealed class DeliveryAttempt
{
    public long Id { get; set; }

    public long OutboxId { get; set; }

    public DateTimeOffset At { get; set; }

    public bool Succeeded { get; set; }

    /// <summary>The coarse outcome: "200", "timeout", "refused", "550 mailbox unavailable", ….</summary>
    public string? Outcome { get; set; }

    public int DurationMs { get; set; }
}
