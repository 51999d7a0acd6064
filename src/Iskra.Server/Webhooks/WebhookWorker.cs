using System.Threading.Channels;
using Iskra.Csms.Events;
using Iskra.Csms.Webhooks;

namespace Iskra.Server.Webhooks;

/// <summary>
/// One webhook's own queue and delivery loop, so a slow or dead receiver delays only its own events:
/// never another webhook, an SSE client or a station. A queue that overflows drops its oldest events.
/// </summary>
internal sealed class WebhookWorker : IAsyncDisposable
{
    private readonly long _id;
    private readonly Uri _url;
    private readonly string? _secret;
    private readonly string? _stationId;
    private readonly HashSet<string>? _types;
    private readonly WebhookSender _sender;
    private readonly Channel<CsmsEvent> _queue;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public WebhookWorker(Webhook webhook, WebhookSender sender, int capacity)
    {
        _id = webhook.Id;
        _url = new Uri(webhook.Url, UriKind.Absolute);
        _secret = string.IsNullOrEmpty(webhook.Secret) ? null : webhook.Secret;
        _stationId = webhook.StationId;
        var types = webhook.EventTypes();
        _types = types.Count == 0 ? null : new HashSet<string>(types, StringComparer.Ordinal);
        _sender = sender;
        _queue = Channel.CreateBounded<CsmsEvent>(new BoundedChannelOptions(Math.Max(1, capacity))
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        _loop = Task.Run(RunAsync);
    }

    public long Id => _id;

    /// <summary>Queues <paramref name="e"/> when this webhook wants it; never waits.</summary>
    public void Offer(CsmsEvent e)
    {
        if ((_stationId is null || string.Equals(_stationId, e.StationId, StringComparison.Ordinal))
            && (_types is null || _types.Contains(e.Type)))
        {
            _queue.Writer.TryWrite(e);
        }
    }

    private async Task RunAsync()
    {
        try
        {
            await foreach (var e in _queue.Reader.ReadAllAsync(_stop.Token).ConfigureAwait(false))
            {
                await _sender.DeliverAsync(_id, _url, _secret, e, _stop.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopped: the webhook was deleted or the server is shutting down.
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }
}
