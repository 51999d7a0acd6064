using System.Globalization;
using System.Net.Http.Headers;
using Iskra.Csms.Events;
using Iskra.Csms.Storage;
using Iskra.Csms.Webhooks;
using Iskra.Server.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Iskra.Server.Webhooks;

/// <summary>
/// Delivers one event to one webhook: POST of the <see cref="EventMessage"/> JSON, signed when the
/// webhook has a secret, a timeout per attempt, retries after the configured delays, and the outcome
/// recorded on the webhook's row (<c>lastSuccessAt</c>, <c>lastFailureAt</c>, <c>lastError</c>, <c>failures</c>).
/// </summary>
public sealed partial class WebhookSender(
    IHttpClientFactory clients,
    IDbContextFactory<IskraDbContext> contexts,
    IOptions<WebhookOptions> options,
    TimeProvider time,
    ILogger<WebhookSender> logger)
{
    public const string ClientName = "webhooks";

    /// <summary>Delivers <paramref name="e"/>; true when the receiver accepted it (2xx) within the attempts.</summary>
    public async Task<bool> DeliverAsync(long webhookId, Uri url, string? secret, CsmsEvent e, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(e);
        var body = EventMessage.Utf8(e);
        var settings = options.Value;
        var delays = settings.RetryDelays;
        var client = clients.CreateClient(ClientName);
        for (var attempt = 0; attempt <= delays.Count; attempt++)
        {
            if (attempt > 0)
            {
                await Task.Delay(delays[attempt - 1], time, cancellationToken).ConfigureAwait(false);
            }

            var (error, detail) = await AttemptAsync(client, url, body, secret, e, TimeSpan.FromSeconds(settings.TimeoutSeconds), cancellationToken).ConfigureAwait(false);
            if (error is null)
            {
                await RecordAsync(webhookId, w => w.SetProperty(x => x.LastSuccessAt, time.GetUtcNow())).ConfigureAwait(false);
                return true;
            }

            // The log keeps the details for the server's operator; the API shows only the category, so that
            // lastError cannot be used to map what answers where on the server's network.
            var text = $"attempt {attempt + 1} of {delays.Count + 1}: {error}";
            LogAttemptFailed(logger, webhookId, e.Type, text, detail);
            await RecordAsync(webhookId, w => w
                .SetProperty(x => x.LastFailureAt, time.GetUtcNow())
                .SetProperty(x => x.LastError, text)).ConfigureAwait(false);
        }

        await RecordAsync(webhookId, w => w.SetProperty(x => x.Failures, x => x.Failures + 1)).ConfigureAwait(false);
        return false;
    }

    /// <summary>
    /// One POST; (null, null) when accepted, otherwise a coarse category (<c>refused destination</c>,
    /// <c>connection failed</c>, <c>timeout</c>, <c>HTTP 500</c>, <c>delivery failed</c>) and the details for the log.
    /// </summary>
    private async Task<(string? Error, string? Detail)> AttemptAsync(
        HttpClient client, Uri url, byte[] body, string? secret, CsmsEvent e, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add("X-Iskra-Event", e.Type);
        request.Headers.Add("X-Iskra-Event-Id", e.Sequence.ToString(CultureInfo.InvariantCulture));
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        if (secret is not null)
        {
            request.Headers.Add(WebhookSignature.TimestampedHeader, WebhookSignature.Timestamped(secret, timestamp, body));
            request.Headers.Add(WebhookSignature.Header, WebhookSignature.Of(secret, body));
        }

        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, limit.Token).ConfigureAwait(false);
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
