namespace Iskra.Csms.Notifications;

/// <summary>How the connection to the SMTP server is protected (<c>Notifications:Smtp:Security</c>).</summary>
public enum SmtpSecurity
{
    /// <summary>STARTTLS when the server offers it (port 587), TLS from the start on port 465, otherwise plain.</summary>
    Auto,

    /// <summary>Plain text: only for a relay on the same host or network.</summary>
    None,

    /// <summary>Plain connection upgraded with STARTTLS, which the server must offer (port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,
}
