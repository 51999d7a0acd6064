using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Iskra.Csms.Notifications;
using Iskra.Csms.Storage;
using Iskra.Csms.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Iskra.Server.Webhooks;

/// <summary>
/// The outbox's <see cref="DeliveryChannels.Webhook"/> channel: one POST of a stored message's body to its webhook, signed when
/// the webhook has a secret, within <see cref="WebhookOptions.TimeoutSeconds"/>, with <c>X-Iskra-Delivery-Id</c> (the same on
/// every attempt, across restarts). The outcome is also recorded on the webhook's row (<c>lastSuccessAt</c>,
/// <c>lastFailureAt</c>, <c>lastError</c>, and <c>failures</c> when the outbox gives a message up). A webhook deleted meanwhile
/// is a permanent failure.
/// </summary>
public sealed partial class WebhookChannel(
    IHttpClientFactory clients,
    IDbContextFactory<IskraDbContext> contexts,
    IOptions<WebhookOptions> options,
    TimeProvider time,
    ILogger<WebhookChannel> logger) : IDeliveryChannel, IDeliveryGiveUp
{
    public const string ClientName = "webhooks";

    public const string DeliveryIdHeader = "X-Iskra-Delivery-Id";

    public const string Deleted = "webhook deleted";

    public string Name => DeliveryChannels.Webhook;

    public async Task<DeliveryResult> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        Webhook? hook = null;
        if (message.WebhookId is { } id)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            hook = await db.Webhooks.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, cancellationToken).ConfigureAwait(false);
        }

        if (hook is null)
        {
            return new DeliveryResult(false, Deleted, Permanent: true);
        }

        var secret = string.IsNullOrEmpty(hook.Secret) ? null : hook.Secret;
        var (error, detail) = await AttemptAsync(new Uri(hook.Url, UriKind.Absolute), Encoding.UTF8.GetBytes(message.Body), secret, message, cancellationToken).ConfigureAwait(false);
        if (error is null)
        {
            await RecordAsync(hook.Id, w => w.SetProperty(x => x.LastSuccessAt, time.GetUtcNow())).ConfigureAwait(false);
            return new DeliveryResult(true, "delivered");
        }

        // The log keeps the details for the server's operator; the API shows only the category, so that
        // lastError cannot be used to map what answers where on the server's network.
        var text = $"attempt {message.Attempts + 1}: {error}";
        LogAttemptFailed(logger, hook.Id, message.EventType, text, detail);
        await RecordAsync(hook.Id, w => w
            .SetProperty(x => x.LastFailureAt, time.GetUtcNow())
            .SetProperty(x => x.LastError, text)).ConfigureAwait(false);
        return new DeliveryResult(false, error);
    }

    /// <summary>The outbox gave up a message: one more event the webhook did not get.</summary>
    public Task GaveUpAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.WebhookId is { } id ? RecordAsync(id, w => w.SetProperty(x => x.Failures, x => x.Failures + 1)) : Task.CompletedTask;
    }

    /// <summary>
    /// One POST; (null, null) when accepted, otherwise a coarse category (<c>refused destination</c>,
    /// <c>connection failed</c>, <c>timeout</c>, <c>HTTP 500</c>, <c>delivery failed</c>) and the details for the log.
    /// </summary>
    private async Task<(string? Error, string? Detail)> AttemptAsync(Uri url, byte[] body, string? secret, OutboxMessage message, CancellationToken cancellationToken)
    {
        var timeout = TimeSpan.FromSeconds(options.Value.TimeoutSeconds);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add("X-Iskra-Event", message.EventType);
        request.Headers.Add("X-Iskra-Event-Id", message.Id.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(DeliveryIdHeader, message.DeliveryId);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        if (secret is not null)
        {
            request.Headers.Add(WebhookSignature.TimestampedHeader, WebhookSignature.Timestamped(secret, timestamp, body));
            request.Headers.Add(WebhookSignature.Header, WebhookSignature.Of(secret, body));
        }

        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, limit.Token).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? (null, null) : ($"HTTP {(int)response.StatusCode}", response.ReasonPhrase);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return ("timeout", $"no answer within {timeout.TotalSeconds:0.###} s ({ex.Message})");
        }
        catch (HttpRequestException ex) when (Refused(ex) is { } refused)
        {
            return ("refused destination", refused.Message);
        }
        catch (HttpRequestException ex)
        {
            return ("connection failed", $"{ex.HttpRequestError}: {ex.Message}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return ("delivery failed", ex.GetType().Name + ": " + ex.Message);
        }
    }

    private static RefusedDestinationException? Refused(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is RefusedDestinationException refused)
            {
                return refused;
            }
        }

        return null;
    }

    /// <summary>Updates the webhook's delivery columns; a webhook deleted meanwhile simply matches no row.</summary>
    private async Task RecordAsync(long webhookId, Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<Webhook>> set)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(CancellationToken.None).ConfigureAwait(false);
            await db.Webhooks.Where(w => w.Id == webhookId).ExecuteUpdateAsync(set, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            LogRecordFailed(logger, ex, webhookId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {WebhookId}: delivery of {EventType} failed, {Error} ({Detail})")]
    private static partial void LogAttemptFailed(ILogger logger, long webhookId, string eventType, string error, string? detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {WebhookId}: could not record the delivery outcome")]
    private static partial void LogRecordFailed(ILogger logger, Exception exception, long webhookId);
}
