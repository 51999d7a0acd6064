using System.Text.Json;
using System.Threading.Channels;
using Iskra.Csms.Alarms;
using Iskra.Csms.Events;
using Iskra.Csms.Files;
using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Iskra.Csms.Notifications;

/// <summary>
/// Turns stored alarm changes into notifications. <see cref="AlarmBook"/> hands it every opened and cleared alarm
/// (<see cref="Notify"/>: never blocks, allocates nothing when no enabled subscription matches); a loop writes, for each
/// matching subscription, an <see cref="OutboxMessage"/> (immediate) or a <see cref="NotificationItem"/> (digest,
/// bundled by <see cref="DigestJob"/>), then wakes the outbox. The enabled subscriptions are kept in memory and read
/// again after every change through the API (<see cref="ReloadAsync"/>).
/// </summary>
public sealed partial class AlarmNotifier(
    IDbContextFactory<IskraDbContext> contexts,
    OutboxSignal outbox,
    IOptionsMonitor<NotificationOptions> options,
    IOptionsMonitor<OutboxOptions> outboxOptions,
    IEnumerable<IServerBaseUrl> listening,
    TimeProvider time,
    ILogger<AlarmNotifier> logger) : BackgroundService
{
    private readonly Channel<(AlarmData Alarm, string EventType)> _queue =
        Channel.CreateUnbounded<(AlarmData, string)>(new UnboundedChannelOptions { SingleReader = true });

    private readonly IServerBaseUrl? _listening = listening.FirstOrDefault();
    private SubscriptionRule[]? _rules;

    /// <summary>The enabled subscriptions as last read; null before the first read.</summary>
    public IReadOnlyList<SubscriptionRule>? Rules => Volatile.Read(ref _rules);

    /// <summary>Queues a notification of <paramref name="alarm"/>'s change, if some enabled subscription may want it.</summary>
    public void Notify(Alarm alarm, AlarmTransition transition)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        if (transition == AlarmTransition.Repeated || alarm.Silenced)
        {
            return;
        }

        var cleared = transition == AlarmTransition.Cleared;
        var rules = Volatile.Read(ref _rules);
        if (rules is not null && !AnyMatches(rules, alarm, cleared))
        {
            return;
        }

        _queue.Writer.TryWrite((AlarmData.Of(alarm), cleared ? CsmsEventTypes.AlarmCleared : CsmsEventTypes.AlarmRaised));
    }

    /// <summary>Reads the enabled subscriptions again (after a change through the API).</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.NotificationSubscriptions.AsNoTracking().Where(s => s.Enabled).OrderBy(s => s.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _rules, [.. rows.Select(SubscriptionRule.Of)]);
    }

    /// <summary>The base of the alarm links in e-mails: <c>Notifications:PublicBaseUrl</c>, else the address Iskra listens on.</summary>
    public Uri? BaseUrl => options.CurrentValue.PublicBaseUrl ?? _listening?.Current;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested && Volatile.Read(ref _rules) is null)
        {
            try
            {
                await ReloadAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogWriteFailed(logger, 0, e);
                await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken).ConfigureAwait(false);
            }
        }

        var batch = new List<(AlarmData Alarm, string EventType)>();
        while (await _queue.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
        {
            while (batch.Count < 500 && _queue.Reader.TryRead(out var change))
            {
                batch.Add(change);
            }

            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await WriteAsync(batch, stoppingToken).ConfigureAwait(false);
                    break;
                }
                catch (Exception e) when (e is not OperationCanceledException && attempt < 5)
                {
                    LogWriteFailed(logger, batch.Count, e);
                    await Task.Delay(TimeSpan.FromSeconds(attempt), time, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogDropped(logger, batch.Count, e);
                    break;
                }
            }

            batch.Clear();
        }
    }

    private async Task WriteAsync(List<(AlarmData Alarm, string EventType)> batch, CancellationToken cancellationToken)
    {
        var rules = Volatile.Read(ref _rules) ?? [];
        var settings = options.CurrentValue;
        var now = time.GetUtcNow();
        var baseUrl = BaseUrl;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var messages = 0;
        foreach (var (alarm, eventType) in batch)
        {
            var cleared = eventType == CsmsEventTypes.AlarmCleared;
            foreach (var rule in rules)
            {
                if (!rule.Matches(alarm.StationId, alarm.Kind, alarm.Severity, cleared, alarm.Silenced))
                {
                    continue;
                }

                var subscription = rule.Subscription;
                if (subscription.DigestSeconds > 0)
                {
                    db.NotificationItems.Add(new NotificationItem
                    {
                        SubscriptionId = subscription.Id,
                        AlarmId = alarm.Id,
                        EventType = eventType,
                        StationId = alarm.StationId,
                        Payload = JsonSerializer.Serialize(alarm, NotificationJsonContext.Default.AlarmData),
                        CreatedAt = now,
                    });
                }
                else
                {
                    db.Outbox.Add(AlarmMessages.Change(subscription, alarm, eventType, baseUrl, now, outboxOptions.CurrentValue.Expiry));
                    messages++;
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        if (messages > 0)
        {
            outbox.Wake();
        }
    }

    private static bool AnyMatches(SubscriptionRule[] rules, Alarm alarm, bool cleared)
    {
        foreach (var rule in rules)
        {
            if (rule.Matches(alarm.StationId, alarm.Kind, alarm.Severity, cleared, alarm.Silenced))
            {
                return true;
            }
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing {Count} alarm notifications failed; trying again")]
    private static partial void LogWriteFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} alarm notifications were dropped: the database refused them five times")]
    private static partial void LogDropped(ILogger logger, int count, Exception exception);
}
