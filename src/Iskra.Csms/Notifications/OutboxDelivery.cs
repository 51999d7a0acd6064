using System.Collections.Concurrent;
using System.Diagnostics;
using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Iskra.Csms.Notifications;

/// <summary>
/// The outbox's delivery loop. Woken by <see cref="OutboxSignal"/> or every <see cref="OutboxOptions.PollInterval"/>, it finds
/// the destinations (<see cref="OutboxDestination"/>) with due pending messages and runs one worker per destination, at most
/// <see cref="OutboxOptions.MaxConcurrentDestinations"/> at once: a worker sends its destination's messages one after the other in
/// id order through the channel named by <see cref="OutboxMessage.Channel"/>, so a slow receiver delays only itself. Each
/// attempt is a <see cref="DeliveryAttempt"/> row. A failure sets the message's next attempt after
/// <see cref="OutboxOptions.RetryDelay"/>, and the destination's later messages wait for it too (order is kept); a message fails
/// for good when its next attempt would be after <see cref="OutboxMessage.ExpiresAt"/>, or at once when the channel says the
/// failure is permanent. Everything is in the database, so a restart simply carries on.
/// </summary>
public sealed partial class OutboxDelivery(
    IDbContextFactory<IskraDbContext> contexts,
    IEnumerable<IDeliveryChannel> channels,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxDelivery> logger) : BackgroundService
{
    /// <summary>The wait of a message whose channel is not registered before it is looked at again.</summary>
    public static readonly TimeSpan NoChannelDelay = TimeSpan.FromMinutes(1);

    private const int BatchRows = 50;
    private static readonly TimeSpan SaveEvery = TimeSpan.FromMilliseconds(100);

    private readonly Dictionary<string, IDeliveryChannel> _channels = channels.ToDictionary(c => c.Name, StringComparer.Ordinal);
    private readonly ConcurrentDictionary<OutboxDestination, Task> _running = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await StartDueAsync(stoppingToken).ConfigureAwait(false);
                var poll = options.Value.PollInterval > TimeSpan.Zero ? options.Value.PollInterval : TimeSpan.FromSeconds(1);
                await signal.WaitAsync(poll, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LogRoundFailed(logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
            }
        }

        await Task.WhenAll(_running.Values).ConfigureAwait(false);
    }

    /// <summary>Starts a worker for each destination with a due message that has none running, oldest message first.</summary>
    private async Task StartDueAsync(CancellationToken cancellationToken)
    {
        var slots = Math.Max(1, options.Value.MaxConcurrentDestinations) - _running.Count;
        if (slots <= 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var due = await db.Outbox.Where(m => m.State == OutboxState.Pending && m.NextAttemptAt <= now)
            .GroupBy(m => new { m.Channel, m.WebhookId, m.Recipients })
            .Select(g => new { g.Key.Channel, g.Key.WebhookId, g.Key.Recipients, First = g.Min(m => m.Id) })
            .OrderBy(d => d.First).Take(slots + _running.Count)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var d in due)
        {
            var destination = new OutboxDestination(d.Channel, d.WebhookId, d.Recipients);
            if (slots > 0 && !_running.ContainsKey(destination))
            {
                slots--;
                var registered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _running[destination] = RunAsync(destination, registered.Task, cancellationToken);
                registered.SetResult(); // only now may the worker end and remove itself

            }
        }
    }

    private async Task RunAsync(OutboxDestination destination, Task registered, CancellationToken cancellationToken)
    {
        await registered.ConfigureAwait(false);
        try
        {
            while (await DeliverDueAsync(destination, cancellationToken).ConfigureAwait(false))
            {
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the message in flight stays pending and is sent again after the restart.
        }
        catch (Exception ex)
        {
            LogWorkerFailed(logger, ex, destination.Channel, destination.WebhookId);
        }
        finally
        {
            _running.TryRemove(destination, out _);
            signal.Wake();
        }
    }

    /// <summary>Sends the destination's next due messages in order; false when it has none due or must wait (a failure, no channel).</summary>
    private async Task<bool> DeliverDueAsync(OutboxDestination destination, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await Of(db.Outbox, destination).Where(m => m.State == OutboxState.Pending && m.NextAttemptAt <= now)
            .OrderBy(m => m.Id).Take(BatchRows).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            return false;
        }

        if (!_channels.TryGetValue(destination.Channel, out var channel))
        {
            var later = now + NoChannelDelay;
            await Of(db.Outbox, destination).Where(m => m.State == OutboxState.Pending && m.NextAttemptAt <= now)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, later).SetProperty(m => m.LastError, "no channel"), cancellationToken).ConfigureAwait(false);
            return false;
        }

        var gaveUp = new List<OutboxMessage>();
        var saved = Stopwatch.StartNew();
        var more = rows.Count == BatchRows;
        foreach (var message in rows)
        {
            now = time.GetUtcNow();
            if (now >= message.ExpiresAt)
            {
                Fail(message, message.LastError is null ? "expired" : Clip("expired: " + message.LastError), now);
                gaveUp.Add(message);
                continue;
            }

            var result = await AttemptAsync(db, channel, message, cancellationToken).ConfigureAwait(false);
            now = time.GetUtcNow();
            if (result.Delivered)
            {
                (message.State, message.FinishedAt, message.LastError) = (OutboxState.Delivered, now, null);
            }
            else if (result.Permanent)
            {
                Fail(message, Clip(result.Outcome), now);
                gaveUp.Add(message);
            }
            else
            {
                var next = now + options.Value.RetryDelay(message.Attempts);
                if (next >= message.ExpiresAt)
                {
                    Fail(message, Clip("expired: " + result.Outcome), now);
                    gaveUp.Add(message);
                }
                else
                {
                    (message.NextAttemptAt, message.LastError) = (next, Clip(result.Outcome));
                    await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                    // The destination's later messages wait behind this one, so that they arrive in order.
                    await Of(db.Outbox, destination).Where(m => m.State == OutboxState.Pending && m.Id > message.Id && m.NextAttemptAt < next)
                        .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, next), cancellationToken).ConfigureAwait(false);
                    more = false;
                    break;
                }
            }

            if (saved.Elapsed >= SaveEvery)
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                saved.Restart();
            }
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        if (channel is IDeliveryGiveUp listener)
        {
            foreach (var message in gaveUp)
            {
                await listener.GaveUpAsync(message, cancellationToken).ConfigureAwait(false);
            }
        }

        return more;
    }

    /// <summary>One attempt, recorded as a <see cref="DeliveryAttempt"/> (saved with the message's new state).</summary>
    private async Task<DeliveryResult> AttemptAsync(IskraDbContext db, IDeliveryChannel channel, OutboxMessage message, CancellationToken cancellationToken)
    {
        var at = time.GetUtcNow();
        var watch = Stopwatch.StartNew();
        DeliveryResult result;
        try
        {
            result = await channel.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogChannelThrew(logger, ex, channel.Name, message.Id);
            result = new DeliveryResult(false, "delivery failed");
        }

        message.Attempts++;
        message.LastAttemptAt = at;
        db.DeliveryAttempts.Add(new DeliveryAttempt
        {
            OutboxId = message.Id,
            At = at,
            Succeeded = result.Delivered,
            Outcome = result.Outcome.Length <= 200 ? result.Outcome : result.Outcome[..200],
            DurationMs = (int)Math.Min(int.MaxValue, watch.ElapsedMilliseconds),
        });
        return result;
    }

    private static IQueryable<OutboxMessage> Of(IQueryable<OutboxMessage> outbox, OutboxDestination d) =>
        outbox.Where(m => m.Channel == d.Channel && m.WebhookId == d.WebhookId && m.Recipients == d.Recipients);

    private static void Fail(OutboxMessage message, string error, DateTimeOffset now) =>
        (message.State, message.FinishedAt, message.LastError) = (OutboxState.Failed, now, error);

    private static string Clip(string text) => text.Length <= 500 ? text : text[..500];

    [LoggerMessage(Level = LogLevel.Error, Message = "The outbox delivery loop failed; it looks again in a second")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox delivery to {Channel} (webhook {WebhookId}) failed; it is tried again at the next round")]
    private static partial void LogWorkerFailed(ILogger logger, Exception exception, string channel, long? webhookId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Channel} channel threw on outbox message {Id}; counted as a failed attempt")]
    private static partial void LogChannelThrew(ILogger logger, Exception exception, string channel, long id);
}
