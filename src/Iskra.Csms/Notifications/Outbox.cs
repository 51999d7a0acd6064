using System.Threading.Channels;
using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Iskra.Csms.Notifications;

/// <summary>
/// Accepts messages for delivery and stores them in the <c>outbox</c> table, in batches on its own database context (never the
/// station path's storage writer): one SaveChanges for all the messages waiting, then the callers are completed and the
/// delivery loop woken (<see cref="OutboxSignal"/>). Two bounds keep a dead receiver from exhausting the server: at most
/// <see cref="OutboxOptions.QueueCapacity"/> batches wait to be stored (past it the oldest is dropped, counted in
/// <see cref="Dropped"/>), and at most <see cref="OutboxOptions.MaxPendingPerDestination"/> pending rows are stored per
/// webhook or subscription (past it new messages are refused, counted in <see cref="Refused"/>).
/// </summary>
public sealed partial class Outbox : BackgroundService
{
    private const int MaxBatch = 1000;
    private static readonly TimeSpan CountRefresh = TimeSpan.FromSeconds(5);

    private readonly IDbContextFactory<IskraDbContext> _contexts;
    private readonly OutboxSignal _signal;
    private readonly IOptions<OutboxOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<Outbox> _logger;
    private readonly Channel<Entry> _queue;
    private readonly Dictionary<(bool Webhook, long Id), (int Count, DateTimeOffset At)> _pending = [];
    private long _dropped;
    private long _refused;

    public Outbox(IDbContextFactory<IskraDbContext> contexts, OutboxSignal signal, IOptions<OutboxOptions> options, TimeProvider time, ILogger<Outbox> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _contexts = contexts;
        _signal = signal;
        _options = options;
        _time = time;
        _logger = logger;
        _queue = Channel.CreateBounded<Entry>(
            new BoundedChannelOptions(Math.Max(1, options.Value.QueueCapacity)) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            Drop);
    }

    /// <summary>Messages dropped before they were stored because too many waited (<see cref="OutboxOptions.QueueCapacity"/>).</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Messages refused because their destination had <see cref="OutboxOptions.MaxPendingPerDestination"/> pending already.</summary>
    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>A new <see cref="OutboxMessage.DeliveryId"/>: 32 hex digits.</summary>
    public static string NewDeliveryId() => Guid.NewGuid().ToString("N");

    /// <summary>
    /// Fills what the caller left unset: <see cref="OutboxMessage.CreatedAt"/> and <see cref="OutboxMessage.NextAttemptAt"/> now,
    /// <see cref="OutboxMessage.ExpiresAt"/> after <see cref="OutboxOptions.Expiry"/>, the state Pending. A writer that stores a
    /// message in its own transaction calls this, adds it to its context and calls <see cref="OutboxSignal.Wake"/> after the commit.
    /// </summary>
    public OutboxMessage Prepare(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var now = _time.GetUtcNow();
        message.State = OutboxState.Pending;
        message.CreatedAt = message.CreatedAt == default ? now : message.CreatedAt;
        message.NextAttemptAt = message.NextAttemptAt == default ? message.CreatedAt : message.NextAttemptAt;
        message.ExpiresAt = message.ExpiresAt == default ? message.CreatedAt + _options.Value.Expiry : message.ExpiresAt;
        return message;
    }

    /// <summary>Stores <paramref name="message"/>; true once committed, false when it was dropped or refused.</summary>
    public async Task<bool> EnqueueAsync(OutboxMessage message, CancellationToken cancellationToken = default) =>
        await EnqueueAsync([message], cancellationToken).ConfigureAwait(false) == 1;

    /// <summary>
    /// Stores <paramref name="messages"/> in their order; completes with how many were committed once they are (the others were
    /// dropped or refused). Never waits for room: the caller may ignore the task (the event path does).
    /// <paramref name="cancellationToken"/> stops the wait only, not the storing.
    /// </summary>
    public Task<int> EnqueueAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count == 0)
        {
            return Task.FromResult(0);
        }

        var entry = new Entry(messages);
        if (!_queue.Writer.TryWrite(entry))
        {
            Drop(entry);
        }

        return entry.Stored.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Entry>();
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                await StoreWaitingAsync(batch, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is still waiting is stored below, once.
        }

        _queue.Writer.TryComplete();
        using var last = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await StoreWaitingAsync(batch, last.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The host gave up waiting: whatever is left was never stored, as after a crash.
        }
    }

    /// <summary>Stores every waiting entry, up to <see cref="MaxBatch"/> messages per commit; a failed commit is retried.</summary>
    private async Task StoreWaitingAsync(List<Entry> batch, CancellationToken cancellationToken)
    {
        while (true)
        {
            batch.Clear();
            var messages = 0;
            while (messages < MaxBatch && _queue.Reader.TryRead(out var entry))
            {
                batch.Add(entry);
                messages += entry.Messages.Count;
            }

            if (batch.Count == 0)
            {
                return;
            }

            for (var delay = TimeSpan.FromMilliseconds(200); ; delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(10).Ticks)))
            {
                try
                {
                    await StoreAsync(batch, cancellationToken).ConfigureAwait(false);
                    break;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogStoreFailed(_logger, ex, messages, delay.TotalSeconds);
                    await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                }
            }

            _signal.Wake();
        }
    }

    private async Task StoreAsync(List<Entry> batch, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var counts = await PendingCountsAsync(db, batch, cancellationToken).ConfigureAwait(false);
        var limit = Math.Max(1, _options.Value.MaxPendingPerDestination);
        var accepted = new int[batch.Count];
        var refused = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            foreach (var message in batch[i].Messages)
            {
                if (Destination(message) is { } key)
                {
                    var count = counts.GetValueOrDefault(key);
                    if (count >= limit)
                    {
                        refused++;
                        continue;
                    }

                    counts[key] = count + 1;
                }

                var stored = Prepare(message);
                stored.Id = 0;
                db.Outbox.Add(stored);
                accepted[i]++;
            }
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        foreach (var (key, count) in counts)
        {
            _pending[key] = (count, _pending.TryGetValue(key, out var known) ? known.At : now);
        }

        if (refused > 0)
        {
            Interlocked.Add(ref _refused, refused);
            LogRefused(_logger, refused, limit);
        }

        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Stored.TrySetResult(accepted[i]);
        }
    }

    /// <summary>
    /// The pending rows of each destination in <paramref name="batch"/>: counted in the database at most every few seconds, and
    /// counted up by what this writer stored in between (deliveries only lower the true count, so the bound is never passed).
    /// </summary>
    private async Task<Dictionary<(bool Webhook, long Id), int>> PendingCountsAsync(IskraDbContext db, List<Entry> batch, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var keys = batch.SelectMany(e => e.Messages).Select(Destination).OfType<(bool Webhook, long Id)>().Distinct().ToList();
        var stale = keys.Where(k => !_pending.TryGetValue(k, out var known) || now - known.At > CountRefresh).ToList();
        var hooks = stale.Where(k => k.Webhook).Select(k => k.Id).ToList();
        var subscriptions = stale.Where(k => !k.Webhook).Select(k => k.Id).ToList();
        var fresh = new Dictionary<(bool Webhook, long Id), int>();
        if (hooks.Count > 0)
        {
            foreach (var row in await db.Outbox.Where(m => m.State == OutboxState.Pending && m.WebhookId != null && hooks.Contains(m.WebhookId.Value))
                .GroupBy(m => m.WebhookId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken).ConfigureAwait(false))
            {
                fresh[(true, row.Key)] = row.Count;
            }
        }

        if (subscriptions.Count > 0)
        {
            foreach (var row in await db.Outbox.Where(m => m.State == OutboxState.Pending && m.WebhookId == null && m.SubscriptionId != null && subscriptions.Contains(m.SubscriptionId.Value))
                .GroupBy(m => m.SubscriptionId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken).ConfigureAwait(false))
            {
                fresh[(false, row.Key)] = row.Count;
            }
        }

        foreach (var key in stale)
        {
            _pending[key] = (fresh.GetValueOrDefault(key), now);
        }

        return keys.ToDictionary(k => k, k => _pending[k].Count);
    }

    /// <summary>What the per-destination bound counts: the webhook, else the subscription; null for neither.</summary>
    private static (bool Webhook, long Id)? Destination(OutboxMessage message) =>
        message.WebhookId is { } hook ? (true, hook) : message.SubscriptionId is { } subscription ? (false, subscription) : null;

    private void Drop(Entry entry)
    {
        var count = Interlocked.Add(ref _dropped, entry.Messages.Count);
        entry.Stored.TrySetResult(0);
        if (count == entry.Messages.Count || count % 1000 < entry.Messages.Count)
        {
            LogDropped(_logger, count);
        }
    }

    public override void Dispose()
    {
        _queue.Writer.TryComplete();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not store {Count} outbox messages; retrying in {RetrySeconds} s")]
    private static partial void LogStoreFailed(ILogger logger, Exception exception, int count, double retrySeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Count} outbox messages: their destination has {Limit} pending already (Notifications:MaxPendingPerDestination)")]
    private static partial void LogRefused(ILogger logger, int count, int limit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox messages dropped before they were stored (Notifications:QueueCapacity): {Count} so far")]
    private static partial void LogDropped(ILogger logger, long count);

    /// <summary>Messages accepted together, and the task that tells their caller how many were stored.</summary>
    private sealed class Entry(IReadOnlyList<OutboxMessage> messages)
    {
        public IReadOnlyList<OutboxMessage> Messages { get; } = messages;

        public TaskCompletionSource<int> Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
