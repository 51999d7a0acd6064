using System.Collections.Concurrent;
using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Iskra.Csms.Alarms.Rules;

/// <summary>
/// <see cref="AlarmKinds.ConnectionRefused"/>: a registered station's connections were refused
/// <c>Alarms:ConnectionRefused:Count</c> times within <c>:Window</c> (a wrong or stale password, a certificate that does not
/// match, or the back-off that follows them). Only ids that were registered when refused are counted, in memory and per
/// id (so strangers trying made-up ids cost nothing and cannot grow it); a refusal by the rate limit, which comes before
/// the lookup, counts for an id already being counted. The alarm is raised without the handshake waiting for it, and
/// counts a repeat at most once per <c>Count</c> refusals. It clears at the check after the station has connected
/// (its last connection is later than the alarm's last refusal).
/// </summary>
public sealed partial class ConnectionRefusedRule(AlarmBook alarms, IDbContextFactory<IskraDbContext> contexts, TimeProvider time, ILogger<ConnectionRefusedRule> logger)
    : ITimedAlarmRule
{
    private const int MaxCount = 1000;

    private readonly ConcurrentDictionary<string, Refusals> _refusals = new(StringComparer.Ordinal);

    /// <summary>A registered station's connection was refused for <paramref name="reason"/>.</summary>
    public void Refused(string stationId, string? remoteAddress, string reason) =>
        Count(_refusals.GetOrAdd(stationId, static _ => new Refusals()), stationId, remoteAddress, reason);

    /// <summary>A connection was refused by the rate limit: counted when <paramref name="stationId"/> is already being counted.</summary>
    public void Limited(string stationId, string? remoteAddress)
    {
        if (_refusals.TryGetValue(stationId, out var refusals))
        {
            Count(refusals, stationId, remoteAddress, "RateLimited");
        }
    }

    /// <summary>Clears the alarms of stations that connected since their last refusal, and forgets counts that are out of the window.</summary>
    public async Task CheckAsync(AlarmBook book, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(book);
        var window = Window(alarms.Options.ConnectionRefused);
        foreach (var (id, refusals) in _refusals)
        {
            if (refusals.IsQuiet(now.UtcTicks - window.Ticks))
            {
                _refusals.TryRemove(new KeyValuePair<string, Refusals>(id, refusals));
            }
        }

        AlarmKey[] cleared;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            var open = await db.Alarms.AsNoTracking().Where(a => a.ClearedAt == null && a.Kind == AlarmKinds.ConnectionRefused)
                .Select(a => new { a.StationId, a.LastSeenAt }).ToListAsync(cancellationToken).ConfigureAwait(false);
            if (open.Count == 0)
            {
                return;
            }

            var ids = open.Select(a => a.StationId).ToList();
            var connected = await db.Stations.AsNoTracking().Where(s => ids.Contains(s.Id) && s.LastConnectedAt != null)
                .Select(s => new { s.Id, s.LastConnectedAt }).ToDictionaryAsync(s => s.Id, s => s.LastConnectedAt!.Value, StringComparer.Ordinal, cancellationToken)
                .ConfigureAwait(false);
            cleared = [.. open.Where(a => connected.TryGetValue(a.StationId, out var at) && at > a.LastSeenAt)
                .Select(a => AlarmKey.Station(a.StationId, AlarmKinds.ConnectionRefused))];
        }

        if (cleared.Length > 0)
        {
            await book.ClearAsync(cleared, cancellationToken).ConfigureAwait(false);
        }
    }

    private static TimeSpan Window(AlarmRuleOptions options) => options.Window > TimeSpan.Zero ? options.Window : TimeSpan.FromMinutes(10);

    private void Count(Refusals refusals, string stationId, string? remoteAddress, string reason)
    {
        var options = alarms.Options.ConnectionRefused;
        if (!options.Enabled)
        {
            return;
        }

        var count = Math.Clamp(options.Count, 1, MaxCount);
        if (refusals.Add(time.GetUtcNow().UtcTicks, count, Window(options).Ticks))
        {
            _ = RaiseAsync(stationId, remoteAddress, reason, count, Window(options), options.Severity);
        }
    }

    private async Task RaiseAsync(string stationId, string? remoteAddress, string reason, int count, TimeSpan window, string severity)
    {
        var message = $"{stationId}: {count} connections refused within {AlarmText.Duration(window)} (the latest from {remoteAddress ?? "an unknown address"} "
            + $"at {AlarmText.Time(time.GetUtcNow())}, {reason}); its password or certificate may be wrong, or someone else uses its id";
        try
        {
            // Not awaited by the handshake: a refusal costs no storage wait.
            await alarms.RaiseAsync(new AlarmSignal(AlarmKey.Station(stationId, AlarmKinds.ConnectionRefused), severity, AlarmSignal.IskraSource, reason, message), CancellationToken.None)
                .ConfigureAwait(false);
        }
        catch (Exception e)
        {
            LogFailed(logger, stationId, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The connection-refused alarm of station {StationId} could not be stored")]
    private static partial void LogFailed(ILogger logger, string stationId, Exception exception);

    /// <summary>The times of a station's latest refusals, up to the count that makes an alarm.</summary>
    private sealed class Refusals
    {
        private readonly Lock _gate = new();
        private long[] _ticks = new long[4];
        private int _next;
        private int _size;
        private long _last;

        /// <summary>Adds a refusal; true when it makes <paramref name="count"/> within <paramref name="window"/> (the count then starts again).</summary>
        public bool Add(long now, int count, long window)
        {
            lock (_gate)
            {
                if (_ticks.Length != count)
                {
                    _ticks = new long[count];
                    _next = _size = 0;
                }

                _last = now;
                _ticks[_next] = now;
                _next = (_next + 1) % count;
                _size = Math.Min(_size + 1, count);
                // The oldest of the last count refusals is the next slot to be written.
                if (_size < count || now - _ticks[_next] > window)
                {
                    return false;
                }

                _next = _size = 0;
                return true;
            }
        }

        public bool IsQuiet(long since)
        {
            lock (_gate)
            {
                return _last < since;
            }
        }
    }
}
