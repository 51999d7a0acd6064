namespace Iskra.Csms.Notifications;

/// <summary>
/// Where alarms go: which alarms (minimum severity, kinds, stations) reach which channel (e-mail recipients or a
/// webhook), one by one or gathered into a digest every <see cref="DigestSeconds"/>.
/// </summary>
public sealed class NotificationSubscription
{
    public long Id { get; set; }

    public required string Name { get; set; }

    /// <summary><see cref="DeliveryChannels.Email"/> or <see cref="DeliveryChannels.Webhook"/>.</summary>
    public required string Channel { get; set; }

    /// <summary>E-mail addresses separated by commas (channel Email).</summary>
    public string? Recipients { get; set; }

    /// <summary>The webhook that receives the notifications (channel Webhook).</summary>
    public long? WebhookId { get; set; }

    /// <summary>The least severe alarm notified (Critical, Major, Minor, Warning).</summary>
    public required string MinimumSeverity { get; set; }

    /// <summary>Alarm kinds separated by commas; empty means every kind.</summary>
    public string Kinds { get; set; } = "";

    /// <summary>Station ids and prefix groups (<c>SITE-A-*</c>) separated by commas; empty means every station.</summary>
    public string Stations { get; set; } = "";

    /// <summary>0: one notification per alarm; otherwise alarms are gathered for this many seconds into one digest.</summary>
    public int DigestSeconds { get; set; }

    /// <summary>Also notify when an alarm clears.</summary>
    public bool IncludeCleared { get; set; }

    public bool Enabled { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }
}
