using Iskra.Csms.Events;
using Iskra.Csms.Storage;
using Iskra.Csms.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Iskra.Server.Webhooks;

/// <summary>
/// Fans the event feed out to the webhooks: one <see cref="WebhookWorker"/> (queue and loop) per
/// webhook. It subscribes to <see cref="CsmsEvents"/> only while at least one webhook exists, so a
/// server without webhooks pays nothing per station message. The API tells it about changes.
/// </summary>
public sealed class WebhookDispatcher(
    CsmsEvents events,
    WebhookSender sender,
    IDbContextFactory<IskraDbContext> contexts,
    IOptions<WebhookOptions> options) : IHostedService, IAsyncDisposable
{
    private readonly Lock _gate = new();
    private WebhookWorker[] _workers = [];
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
        var worker = new WebhookWorker(webhook, sender, options.Value.QueueCapacity);
        lock (_gate)
        {
            _workers = [.. _workers, worker];
            if (_subscription is null)
            {
                _subscription = events.Subscribe();
                _pump = PumpAsync(_subscription);
            }
        }
    }

    /// <summary>Stops delivering to webhook <paramref name="id"/>; events already queued for it are dropped.</summary>
    public async Task RemoveAsync(long id)
    {
        WebhookWorker? removed;
        CsmsEvents.Subscription? idle = null;
        lock (_gate)
        {
            removed = _workers.FirstOrDefault(w => w.Id == id);
            _workers = [.. _workers.Where(w => w.Id != id)];
            if (_workers.Length == 0)
            {
                (idle, _subscription) = (_subscription, null);
            }
        }

        idle?.Dispose();
        if (removed is not null)
        {
            await removed.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task PumpAsync(CsmsEvents.Subscription subscription)
    {
        await Task.Yield();
        await foreach (var e in subscription.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            foreach (var worker in Volatile.Read(ref _workers))
            {
                worker.Offer(e);
            }
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        WebhookWorker[] workers;
        lock (_gate)
        {
            (workers, _workers) = (_workers, []);
            _subscription?.Dispose();
            _subscription = null;
        }

        await _pump.WaitAsync(cancellationToken).ConfigureAwait(false);
        foreach (var worker in workers)
        {
            await worker.DisposeAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None).ConfigureAwait(false);
}
