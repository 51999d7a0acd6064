namespace Iskra.Server.Webhooks;

/// <summary>
/// Configuration section <c>Webhooks</c>: how one attempt is made and where it may go. Retries, expiry and the bounds on waiting
/// deliveries are the outbox's (section <c>Notifications</c>, <see cref="Iskra.Csms.Notifications.OutboxOptions"/>).
/// </summary>
public sealed class WebhookOptions
{
    /// <summary>How long one attempt may take before it counts as failed; default 10 s.</summary>
    public double TimeoutSeconds { get; set; } = 10;

    /// <summary>
    /// Networks (CIDR, e.g. <c>10.1.0.0/16</c>, or single addresses) webhooks may reach although they are
    /// loopback, link-local or private (<see cref="WebhookDestinations"/>); default none.
    /// </summary>
    public string[]? AllowedNetworks { get; set; }
}
