using Iskra.Csms.Notifications;

namespace Iskra.Server.Api.Notifications;

/// <summary>One attempt at a delivery: when, whether it succeeded, its coarse outcome (<c>HTTP 503</c>, <c>timeout</c>, …) and how long it took.</summary>
public sealed record DeliveryAttemptView(DateTimeOffset At, bool Succeeded, string? Outcome, int DurationMs)
{
    public static DeliveryAttemptView From(DeliveryAttempt a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new(a.At, a.Succeeded, a.Outcome, a.DurationMs);
    }
}
