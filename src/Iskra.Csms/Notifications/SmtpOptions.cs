namespace Iskra.Csms.Notifications;

/// <summary>The SMTP server that e-mail notifications leave through (<c>Notifications:Smtp</c>; docs/notifications.md).</summary>
public sealed class SmtpOptions
{
    /// <summary>The server's host name or address; e-mail is not sent while it is empty.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    /// <summary>The account to log in with; no login when empty.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender, e.g. <c>Iskra &lt;alarms@example.com&gt;</c>; required to send.</summary>
    public string? From { get; set; }

    /// <summary>How long one attempt (connect, log in, send) may take.</summary>
    public int TimeoutSeconds { get; set; } = 30;
}
