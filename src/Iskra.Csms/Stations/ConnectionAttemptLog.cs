using Iskra.Csms.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Iskra.Csms.Stations;

/// <summary>
/// Keeps refused handshakes at bounded cost whatever the database does (SPEC §2.1: the attempt is
/// recorded). <see cref="Record"/> only counts in memory, under one short lock; the refusal never
/// waits for storage. Repeats within a minute share one row per (address, station id, reason) with a
/// count and first/last time. Beyond <see cref="CsmsOptions.MaxConnectionAttemptRowsPerMinute"/> new
/// keys in a minute are summed into one row per reason with no address and no id. A background loop
/// writes the counts through the <see cref="StorageWriter"/> every second.
/// </summary>
public sealed partial class ConnectionAttemptLog(StorageWriter writer, IOptions<CsmsOptions> options, TimeProvider time, ILogger<ConnectionAttemptLog> logger)
    : BackgroundService
{
    private static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _flushing = new(1, 1);
    private readonly Dictionary<AttemptKey, AttemptCount> _counts = [];
    private readonly Dictionary<long, int> _keysPerMinute = [];

    /// <summary>Counts one refusal; O(1), never waits.</summary>
    public void Record(string? stationId, string? remoteAddress, RefusalReason reason)
    {
        var now = time.GetUtcNow();
        var minute = now.UtcTicks / TimeSpan.TicksPerMinute;
        var key = new AttemptKey(minute, Truncate(remoteAddress, 64), Truncate(stationId, 200), reason);
        lock (_gate)
        {
            if (!_counts.TryGetValue(key, out var count))
            {
                var keys = _keysPerMinute.GetValueOrDefault(minute);
                var cap = options.Value.MaxConnectionAttemptRowsPerMinute;
                // While storage is stuck, minutes pile up: past four minutes' worth, only the sums per reason grow.
                if (keys >= cap || _counts.Count >= 4 * cap)
                {
                    key = new AttemptKey(minute, null, null, reason);
                }
                else
                {
                    _keysPerMinute[minute] = keys + 1;
                }

                if (!_counts.TryGetValue(key, out count))
                {
                    _counts[key] = count = new AttemptCount(now);
                }
            }

            count.Count++;
            count.Last = now;
        }
    }

    /// <summary>Writes the counts not yet stored, and forgets the minutes that are over and stored; one flush at a time.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _flushing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await FlushOnceAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _flushing.Release();
        }
    }

    private async Task FlushOnceAsync(CancellationToken cancellationToken)
    {
        var currentMinute = time.GetUtcNow().UtcTicks / TimeSpan.TicksPerMinute;
        List<(AttemptCount Count, ConnectionAttempt Row)> rows = [];
        lock (_gate)
        {
            foreach (var (key, count) in _counts)
            {
                if (count.Count > count.Written)
                {
                    rows.Add((count, new ConnectionAttempt
                    {
                        Id = count.RowId,
                        StationId = key.StationId,
                        RemoteAddress = key.Address,
                        Reason = key.Reason,
                        FirstSeen = count.First,
                        Timestamp = count.Last,
                        Count = count.Count,
                    }));
                }
                else if (key.Minute < currentMinute)
                {
                    _counts.Remove(key);
                }
            }

            foreach (var minute in _keysPerMinute.Keys.Where(m => m < currentMinute).ToList())
            {
                _keysPerMinute.Remove(minute);
            }
        }

        if (rows.Count == 0)
        {
            return;
        }

        // New rows get ids in the order of their first refusal, so the newest-first listing stays in time order.
        rows.Sort(static (a, b) => a.Row.FirstSeen.CompareTo(b.Row.FirstSeen));

        await writer.WriteAsync(rows, static (db, rows, _) =>
        {
            foreach (var (_, row) in rows)
            {
                if (row.Id == 0)
                {
                    db.ConnectionAttempts.Add(row);
                }
                else
                {
                    db.ConnectionAttempts.Update(row);
                }
            }

            return ValueTask.FromResult(true);
        }, cancellationToken).ConfigureAwait(false);

        lock (_gate)
        {
            foreach (var (count, row) in rows)
            {
                count.RowId = row.Id;
                count.Written = row.Count;
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(FlushInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            await FlushQuietlyAsync(stoppingToken).ConfigureAwait(false);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await FlushQuietlyAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task FlushQuietlyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The counts stay in memory and are written by a later flush.
            LogFlushFailed(logger, ex);
        }
    }

    private static string? Truncate(string? s, int length) => s is not null && s.Length > length ? s[..length] : s;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused connection attempts could not be stored; they are kept for the next try")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception);

    private readonly record struct AttemptKey(long Minute, string? Address, string? StationId, RefusalReason Reason);

    private sealed class AttemptCount(DateTimeOffset first)
    {
        public DateTimeOffset First { get; } = first;

        public DateTimeOffset Last { get; set; } = first;

        public int Count { get; set; }

        public int Written { get; set; }

        public long RowId { get; set; }
    }
}
