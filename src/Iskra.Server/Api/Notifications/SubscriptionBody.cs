namespace Iskra.Server.Api.Notifications;

/// <summary>
/// The body of POST and PUT <c>/api/notification-subscriptions</c> (for the OpenAPI document; <see cref="SubscriptionsApi"/>
/// reads it field by field). Channel Email needs recipients, channel Webhook a webhookId.
/// </summary>
public sealed record SubscriptionBody(
    string Name, string Channel, IReadOnlyList<string>? Recipients, long? WebhookId, string? MinimumSeverity, IReadOnlyList<string>? Kinds,
    IReadOnlyList<string>? Stations, int? DigestSeconds, bool? IncludeCleared, bool? Enabled);
