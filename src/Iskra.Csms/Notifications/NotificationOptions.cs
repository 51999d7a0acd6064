namespace Iskra.Csms.Notifications;

/// <summary>How alarm notifications are written (<c>Notifications</c>; the SMTP server is <see cref="SmtpOptions"/>).</summary>
public sealed class NotificationOptions
{
    /// <summary>How often waiting digest items are checked for a digest that is due.</summary>
    public TimeSpan DigestCheckInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The most alarms a digest e-mail lists one by one; the rest are counted ("and 12 more").</summary>
    public int DigestMaxLines { get; set; } = 500;

    /// <summary>The address operators open the API at (<c>https://iskra.example.com</c>), for the alarm links in e-mails; the listening address when empty.</summary>
    public Uri? PublicBaseUrl { get; set; }
}
