namespace Iskra.Csms.Notifications;

/// <summary>
/// Configuration section <c>Notifications</c>: how the outbox keeps and retries webhooks and e-mails. A failed attempt is
/// retried after each delay of <see cref="RetryDelaySeconds"/> in turn, then every last delay, until delivered or
/// <see cref="Expiry"/> after the message was accepted.
/// </summary>
public sealed class OutboxOptions
{
    public static readonly double[] DefaultRetryDelaySeconds = [1, 5, 30, 120, 600, 1800];

    /// <summary>Delays after the 1st, 2nd, … failed attempt; the last repeats. Default 1 s, 5 s, 30 s, 2 min, 10 min, then every 30 min.</summary>
    public double[]? RetryDelaySeconds { get; set; }

    /// <summary>How long a message is tried before it fails for good; default 24 h.</summary>
    public TimeSpan Expiry { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long delivered and failed messages and their attempts are kept; default 7 days.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Messages accepted but not yet stored; past it the oldest not yet stored are dropped (and counted). Default 10000.</summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>Pending messages stored per destination (a webhook, a subscription); past it new ones are refused (and counted). Default 100000.</summary>
    public int MaxPendingPerDestination { get; set; } = 100_000;

    /// <summary>Destinations delivered to at the same time; each one's messages go one after the other, in order. Default 16.</summary>
    public int MaxConcurrentDestinations { get; set; } = 16;

    /// <summary>How often the delivery loop looks for due messages when nothing wakes it; default 1 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The wait before the next attempt after <paramref name="failures"/> failed ones (1 or more).</summary>
    public TimeSpan RetryDelay(int failures)
    {
        var delays = RetryDelaySeconds is { Length: > 0 } d ? d : DefaultRetryDelaySeconds;
        return TimeSpan.FromSeconds(Math.Max(0, delays[Math.Clamp(failures - 1, 0, delays.Length - 1)]));
    }
}
