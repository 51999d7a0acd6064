using System.Net;
using System.Net.Sockets;
using Iskra.Csms.Notifications;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Iskra.Server.Tests.Notifications;

/// <summary>One attempt of the e-mail channel against a real SMTP server on loopback, and its coarse outcomes.</summary>
public sealed class EmailChannelTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static EmailChannel Channel(int port, string? from = "Iskra <iskra@iskra.test>") =>
        new(new Monitor(new SmtpOptions { Host = "127.0.0.1", Port = port, Security = SmtpSecurity.None, From = from, TimeoutSeconds = 5 }), NullLogger<EmailChannel>.Instance);

    private static OutboxMessage Mail(string recipients, string body = "Grüße: ünïcödé · ok")
    {
        var message = OutboxRows.New(Iskra.Csms.Notifications.Outbox.NewDeliveryId(), DeliveryChannels.Email, "alarm.raised", body, DateTimeOffset.UtcNow, TimeSpan.FromHours(1));
        message.Recipients = recipients;
        message.Subject = "[Iskra] Major · CP-1 reports Faulted";
        return message;
    }

    [Fact]
    public async Task A_message_arrives_as_utf8_plain_text_with_its_delivery_id_to_every_recipient()
    {
        await using var smtp = await SmtpSink.StartAsync();
        var message = Mail("one@example.com, two@example.com");

        var result = await Channel(smtp.Port).SendAsync(message, Ct);

        Assert.Equal(new DeliveryResult(true, "250"), result);
        var mail = Assert.Single(smtp.Received);
        Assert.Equal(["one@example.com", "two@example.com"], mail.To.Mailboxes.Select(m => m.Address));
        Assert.Equal("[Iskra] Major · CP-1 reports Faulted", mail.Subject);
        Assert.Equal("Grüße: ünïcödé · ok", mail.TextBody);
        Assert.Equal($"{message.DeliveryId}@iskra", mail.MessageId);
        Assert.Equal(message.DeliveryId, mail.Headers[EmailChannel.HeaderName]);
    }

    [Fact]
    public async Task A_recipient_the_server_refuses_is_a_permanent_5xx_failure()
    {
        await using var smtp = await SmtpSink.StartAsync();

        var result = await Channel(smtp.Port).SendAsync(Mail("reject-me@example.com"), Ct);

        Assert.False(result.Delivered);
        Assert.True(result.Permanent);
        Assert.StartsWith("550", result.Outcome, StringComparison.Ordinal);
        Assert.Empty(smtp.Received);
    }

    [Fact]
    public async Task A_closed_port_is_refused_and_may_be_retried()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var result = await Channel(port).SendAsync(Mail("ops@example.com"), Ct);

        Assert.Equal(new DeliveryResult(false, "refused"), result);
    }

    [Fact]
    public async Task Without_a_sender_nothing_is_sent_and_the_message_waits()
    {
        await using var smtp = await SmtpSink.StartAsync();

        var result = await Channel(smtp.Port, from: null).SendAsync(Mail("ops@example.com"), Ct);

        Assert.False(result.Delivered || result.Permanent);
        Assert.StartsWith("not configured", result.Outcome, StringComparison.Ordinal);
        Assert.Empty(smtp.Received);
    }

    private sealed class Monitor(SmtpOptions value) : IOptionsMonitor<SmtpOptions>
    {
        public SmtpOptions CurrentValue => value;

        public SmtpOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<SmtpOptions, string?> listener) => null;
    }
}
