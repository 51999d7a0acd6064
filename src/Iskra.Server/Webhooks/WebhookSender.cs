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
        var signature = secret is null ? null : WebhookSignature.Of(secret, body);
        var settings = options.Value;
        var delays = settings.RetryDelays;
        var client = clients.CreateClient(ClientName);
        for (var attempt = 0; attempt <= delays.Count; attempt++)
        {
            if (attempt > 0)
            {
                await Task.Delay(delays[attempt - 1], time, cancellationToken).ConfigureAwait(false);
            }

            var error = await AttemptAsync(client, url, body, signature, e, TimeSpan.FromSeconds(settings.TimeoutSeconds), cancellationToken).ConfigureAwait(false);
            if (error is null)
            {
                await RecordAsync(webhookId, w => w.SetProperty(x => x.LastSuccessAt, time.GetUtcNow())).ConfigureAwait(false);
                return true;
            }

            var text = $"attempt {attempt + 1} of {delays.Count + 1}: {error}";
            LogAttemptFailed(logger, webhookId, e.Type, text);
            await RecordAsync(webhookId, w => w
                .SetProperty(x => x.LastFailureAt, time.GetUtcNow())
                .SetProperty(x => x.LastError, text.Length > 500 ? text[..500] : text)).ConfigureAwait(false);
        }

        await RecordAsync(webhookId, w => w.SetProperty(x => x.Failures, x => x.Failures + 1)).ConfigureAwait(false);
        return false;
    }

    /// <summary>One POST; null when accepted, otherwise what went wrong.</summary>
    private static async Task<string?> AttemptAsync(HttpClient client, Uri url, byte[] body, string? signature, CsmsEvent e, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add("X-Iskra-Event", e.Type);
        request.Headers.Add("X-Iskra-Event-Id", e.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (signature is not null)
        {
            request.Headers.Add(WebhookSignature.Header, signature);
        }

        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, limit.Token).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd();
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"no answer within {timeout.TotalSeconds:0.###} s";
        }
        catch (HttpRequestException ex)
        {
            return ex.HttpRequestError == HttpRequestError.Unknown ? ex.Message : $"{ex.HttpRequestError}: {ex.Message}";
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return ex.GetType().Name + ": " + ex.Message;
        }
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {WebhookId}: delivery of {EventType} failed, {Error}")]
    private static partial void LogAttemptFailed(ILogger logger, long webhookId, string eventType, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {WebhookId}: could not record the delivery outcome")]
    private static partial void LogRecordFailed(ILogger logger, Exception exception, long webhookId);
}
