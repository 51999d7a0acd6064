using System.Text;
using Iskra.Csms.Events;
using Iskra.Csms.Notifications;
using Iskra.Csms.Storage;
using Iskra.Csms.Webhooks;
using Iskra.Server.Api;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Server.Webhooks;

/// <summary>
/// Turns the event feed into webhook deliveries: each event a webhook wants becomes one <see cref="OutboxMessage"/> (channel
/// Webhook, the event's JSON as body, a new delivery id), handed to the <see cref="Outbox"/> without waiting; the outbox's
/// delivery loop sends it through <see cref="WebhookChannel"/>. It subscribes to <see cref="CsmsEvents"/> only while at least
/// one webhook exists, so a server without webhooks pays nothing per station message. The API tells it about changes.
/// </summary>
public sealed class WebhookDispatcher(CsmsEvents events, Outbox outbox, IDbContextFactory<IskraDbContext> contexts, TimeProvider time) : IHostedService, IAsyncDisposable
{
    private readonly Lock _gate = new();
    private WebhookFilter[] _filters = [];
    private CsmsEvents.Subscription? _subscription;
    private Task _pump = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        foreach (var webhook in await db.Webhooks.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false))
        {
            Add(webhook);
        }
    }

    /// <summary>Starts delivering to <paramref name="webhook"/> (just created, or loaded at start).</summary>
    public void Add(Webhook webhook)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        var filter = new WebhookFilter(webhook);
        lock (_gate)
        {
            _filters = [.. _filters, filter];
            if (_subscription is null)
            {
                _subscription = events.Subscribe();
                _pump = PumpAsync(_subscription);
            }
        }
    }

    /// <summary>Stops delivering to webhook <paramref name="id"/> (deleted): its pending deliveries fail with "webhook deleted".</summary>
    public async Task RemoveAsync(long id)
    {
        CsmsEvents.Subscription? idle = null;
        lock (_gate)
        {
            _filters = [.. _filters.Where(w => w.Id != id)];
            if (_filters.Length == 0)
            {
                (idle, _subscription) = (_subscription, null);
            }
        }

        idle?.Dispose();
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None).ConfigureAwait(false);
        await db.Outbox.Where(m => m.WebhookId == id && m.State == OutboxState.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboxState.Failed).SetProperty(m => m.FinishedAt, now).SetProperty(m => m.LastError, WebhookChannel.Deleted))
            .ConfigureAwait(false);
    }

    private async Task PumpAsync(CsmsEvents.Subscription subscription)
    {
        await Task.Yield();
        await foreach (var e in subscription.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            List<OutboxMessage>? messages = null;
            string? body = null;
            foreach (var filter in Volatile.Read(ref _filters))
            {
                if (filter.Wants(e))
                {
                    body ??= Encoding.UTF8.GetString(EventMessage.Utf8(e));
                    (messages ??= []).Add(new OutboxMessage
                    {
                        DeliveryId = Outbox.NewDeliveryId(),
                        Channel = DeliveryChannels.Webhook,
                        WebhookId = filter.Id,
                        EventType = e.Type,
                        StationId = e.StationId,
                        Body = body,
                    });
                }
            }

            if (messages is not null)
            {
                _ = outbox.EnqueueAsync(messages); // stored in the background; never holds up the feed
            }
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _filters = [];
            _subscription?.Dispose();
            _subscription = null;
        }

        await _pump.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None).ConfigureAwait(false);
}
