using System.Globalization;
using System.Net.Sockets;
using System.Text;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Iskra.Csms.Notifications;

/// <summary>
/// Sends an <see cref="OutboxMessage"/> of channel Email through the SMTP server of <see cref="SmtpOptions"/> (MailKit):
/// one connection per attempt, plain UTF-8 text, Message-ID <c>&lt;{DeliveryId}@iskra&gt;</c> and <c>X-Iskra-Delivery-Id</c>
/// so that a repeat after a restart is recognisable. The outcome is coarse: "250", "550 …", "timeout", "refused",
/// "auth failed", "tls failed"; only a 5xx refusal of the sender, a recipient or the message is permanent.
/// </summary>
public sealed partial class EmailChannel(IOptionsMonitor<SmtpOptions> options, ILogger<EmailChannel> logger) : IDeliveryChannel
{
    public const string HeaderName = "X-Iskra-Delivery-Id";

    public string Name => DeliveryChannels.Email;

    /// <summary>The e-mail <paramref name="message"/> stands for (also used by tests to compare with what arrived).</summary>
    public static MimeMessage Compose(OutboxMessage message, MailboxAddress from)
    {
        ArgumentNullException.ThrowIfNull(message);
        var mail = new MimeMessage { Subject = message.Subject ?? message.EventType, MessageId = $"{message.DeliveryId}@iskra", Date = message.CreatedAt };
        mail.From.Add(from);
        foreach (var recipient in EmailAddresses.Split(message.Recipients))
        {
            mail.To.Add(MailboxAddress.Parse(recipient));
        }

        mail.Headers.Add(HeaderName, message.DeliveryId);
        var body = new TextPart("plain");
        body.SetText(Encoding.UTF8, message.Body);
        mail.Body = body;
        return mail;
    }

    public async Task<DeliveryResult> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.CurrentValue;
        if (string.IsNullOrWhiteSpace(settings.Host) || settings.From is null || !MailboxAddress.TryParse(settings.From, out var from))
        {
            return new DeliveryResult(false, "not configured: Notifications:Smtp:Host and :From");
        }

        if (!EmailAddresses.AllValid(message.Recipients, out var count) || count == 0)
        {
            return new DeliveryResult(false, "invalid recipients", Permanent: true);
        }

        var mail = Compose(message, from);
        var seconds = settings.TimeoutSeconds > 0 ? settings.TimeoutSeconds : 30;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(seconds));
        using var client = new SmtpClient { Timeout = seconds * 1000 };
        try
        {
            await client.ConnectAsync(settings.Host, settings.Port, SocketOptions(settings.Security), timeout.Token).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", timeout.Token).ConfigureAwait(false);
            }

            await client.SendAsync(mail, timeout.Token).ConfigureAwait(false);
            await client.DisconnectAsync(true, timeout.Token).ConfigureAwait(false);
            return new DeliveryResult(true, "250");
        }
        catch (SmtpCommandException e)
        {
            var code = (int)e.StatusCode;
            LogRefused(logger, message.DeliveryId, code, e.ErrorCode.ToString());
            return new DeliveryResult(false, Fit(code.ToString(CultureInfo.InvariantCulture) + " " + e.Message), Permanent: code >= 500 && e.ErrorCode != SmtpErrorCode.UnexpectedStatusCode);
        }
        catch (AuthenticationException)
        {
            return new DeliveryResult(false, "auth failed");
        }
        catch (SslHandshakeException)
        {
            return new DeliveryResult(false, "tls failed");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new DeliveryResult(false, "timeout");
        }
        catch (TimeoutException)
        {
            return new DeliveryResult(false, "timeout");
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
        {
            return new DeliveryResult(false, "refused");
        }
        catch (SocketException e)
        {
            return new DeliveryResult(false, Fit("network: " + e.SocketErrorCode));
        }
        catch (Exception e) when (e is IOException or SmtpProtocolException or ServiceNotConnectedException or NotSupportedException)
        {
            return new DeliveryResult(false, Fit("connection: " + e.GetType().Name));
        }
    }

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };

    private static string Fit(string outcome) => outcome.Length <= 200 ? outcome : outcome[..200];

    [LoggerMessage(Level = LogLevel.Warning, Message = "The SMTP server refused e-mail {DeliveryId}: {Status} {Error}")]
    private static partial void LogRefused(ILogger logger, string deliveryId, int status, string error);
}
