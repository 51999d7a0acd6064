using Iskra.Csms.Webhooks;

namespace Iskra.Server.Api;

/// <summary>A webhook as the API shows it: its configuration (never the secret, only whether there is one) and how its deliveries went.</summary>
public sealed record WebhookView(
    long Id,
    string Url,
    IReadOnlyList<string> Events,
    string? StationId,
    bool HasSecret,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastSuccessAt,
    DateTimeOffset? LastFailureAt,
    string? LastError,
    long Failures)
{
    public static WebhookView From(Webhook webhook)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        return new(
            webhook.Id, webhook.Url, webhook.EventTypes(), webhook.StationId, !string.IsNullOrEmpty(webhook.Secret), webhook.CreatedAt,
            webhook.LastSuccessAt, webhook.LastFailureAt, webhook.LastError, webhook.Failures);
    }
}
