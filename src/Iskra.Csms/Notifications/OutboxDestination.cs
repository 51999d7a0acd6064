namespace Iskra.Csms.Notifications;

/// <summary>Where messages go one after the other, in order: a webhook, or a channel's recipients.</summary>
internal readonly record struct OutboxDestination(string Channel, long? WebhookId, string? Recipients);
