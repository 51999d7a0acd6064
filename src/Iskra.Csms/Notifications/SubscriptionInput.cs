namespace Iskra.Csms.Notifications;

/// <summary>A subscription as an operator defines it, already checked field by field (the API does that).</summary>
public sealed record SubscriptionInput(
    string Name,
    string Channel,
    IReadOnlyList<string> Recipients,
    long? WebhookId,
    string MinimumSeverity,
    IReadOnlyList<string> Kinds,
    IReadOnlyList<string> Stations,
    int DigestSeconds,
    bool IncludeCleared,
    bool Enabled);
