using Iskra.Csms.Notifications;

namespace Iskra.Server.Api.Notifications;

/// <summary>A notification subscription as the API shows it.</summary>
public sealed record SubscriptionView(
    long Id, string Name, string Channel, IReadOnlyList<string> Recipients, long? WebhookId, string MinimumSeverity, IReadOnlyList<string> Kinds,
    IReadOnlyList<string> Stations, int DigestSeconds, bool IncludeCleared, bool Enabled, DateTimeOffset CreatedAt)
{
    public static SubscriptionView From(NotificationSubscription s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.Id, s.Name, s.Channel, EmailAddresses.Split(s.Recipients), s.WebhookId, s.MinimumSeverity, Split(s.Kinds), Split(s.Stations),
            s.DigestSeconds, s.IncludeCleared, s.Enabled, s.CreatedAt);
    }

    private static string[] Split(string csv) => csv.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
