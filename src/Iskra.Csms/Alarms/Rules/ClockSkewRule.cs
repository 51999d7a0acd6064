using System.Collections.Concurrent;
using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Iskra.Csms.Alarms.Rules;

/// <summary>
/// <see cref="AlarmKinds.ClockSkew"/>: the station's clock is further than <c>Alarms:ClockSkew:Tolerance</c> from Iskra's.
/// The signal is the timestamp a message carries compared with the time it arrives:
/// <list type="bullet">
/// <item>ahead by more than the tolerance, on any message: a queued message is older than its arrival, never newer, so
/// only a clock running ahead stamps the future;</item>
/// <item>behind by more than the tolerance, only on a message the station declares live (a 2.0.1 TransactionEvent with
/// offline=false): any other message may have waited in the station's queue while it was offline, and an old timestamp
/// on it is no fault. A 1.6 station's clock that runs behind is therefore not found.</item>
/// </list>
/// A later timestamp within the tolerance clears the alarm. While the alarm is open a repeat is counted at most once per
/// <see cref="RepeatEvery"/>. The message path pays a comparison and a lookup in the in-memory set of stations with an
/// open alarm: no allocation and no storage while the clock is fine. The stations with an open alarm are read again from the
/// database each <c>Alarms:CheckInterval</c>, so a restart or a failed write heals.
/// </summary>
public sealed partial class ClockSkewRule(AlarmBook alarms, IDbContextFactory<IskraDbContext> contexts, ILogger<ClockSkewRule> logger) : ITimedAlarmRule
{
    /// <summary>How often a repeat of an open alarm is counted at most.</summary>
    public static readonly TimeSpan RepeatEvery = TimeSpan.FromMinutes(1);

    // Station id → UTC ticks of the last raise by this process (0: open, found in the database).
    private readonly ConcurrentDictionary<string, long> _skewed = new(StringComparer.Ordinal);

    /// <summary>
    /// Compares <paramref name="timestamp"/>, the station's time on a message of <paramref name="action"/>, with
    /// <paramref name="now"/>, when the message arrived; <paramref name="live"/> when the station declares the message
    /// was sent as it happened.
    /// </summary>
    public ValueTask ObserveAsync(string stationId, string action, DateTimeOffset timestamp, bool live, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var options = alarms.Options.ClockSkew;
        var tolerance = options.Tolerance > TimeSpan.Zero ? options.Tolerance : TimeSpan.FromMinutes(5);
        var offset = timestamp - now;
        if (offset <= tolerance && (!live || offset >= -tolerance))
        {
            // Fine, or behind on a message that may have been queued (neither proves nor disproves a skew).
            return offset >= -tolerance && _skewed.ContainsKey(stationId) ? ClearAsync(stationId, cancellationToken) : default;
        }

        if (!options.Enabled || (_skewed.TryGetValue(stationId, out var last) && now.UtcTicks - last < RepeatEvery.Ticks))
        {
            return default;
        }

        _skewed[stationId] = now.UtcTicks;
        return RaiseAsync(stationId, action, timestamp, offset, now, options.Severity, cancellationToken);
    }

    /// <summary>Reads which stations have an open alarm, so that a good timestamp clears one opened before a restart.</summary>
    public async Task CheckAsync(AlarmBook book, DateTimeOffset now, CancellationToken cancellationToken)
    {
        List<string> open;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            open = await db.Alarms.AsNoTracking().Where(a => a.ClearedAt == null && a.Kind == AlarmKinds.ClockSkew)
                .Select(a => a.StationId).ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        var set = open.ToHashSet(StringComparer.Ordinal);
        foreach (var id in set)
        {
            _skewed.TryAdd(id, 0);
        }

        foreach (var (id, raisedAt) in _skewed)
        {
            // A raise of the last moments may not be stored yet: keep it.
            if (!set.Contains(id) && now.UtcTicks - raisedAt > RepeatEvery.Ticks)
            {
                _skewed.TryRemove(new KeyValuePair<string, long>(id, raisedAt));
            }
        }
    }

    private async ValueTask RaiseAsync(string stationId, string action, DateTimeOffset timestamp, TimeSpan offset, DateTimeOffset now, string severity, CancellationToken ct)
    {
        var way = offset > TimeSpan.Zero ? "ahead of" : "behind";
        // To the nearest second, or minute past 90 s: the message took a moment to arrive.
        var off = offset.Duration();
        off = off.TotalSeconds < 90 ? TimeSpan.FromSeconds(Math.Round(off.TotalSeconds)) : TimeSpan.FromMinutes(Math.Round(off.TotalMinutes));
        var message = $"{stationId}'s clock is {AlarmText.Duration(off)} {way} Iskra's: a {action} stamped "
            + $"{timestamp.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC arrived at {now.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC";
        try
        {
            await alarms.RaiseAsync(AlarmSignal.Iskra(AlarmKey.Station(stationId, AlarmKinds.ClockSkew), severity, message), ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The message itself is stored already; the alarm is raised again at the next skewed timestamp.
            _skewed.TryRemove(stationId, out _);
            LogFailed(logger, stationId, e);
        }
    }

    private async ValueTask ClearAsync(string stationId, CancellationToken ct)
    {
        if (!_skewed.TryRemove(stationId, out _))
        {
            return;
        }

        try
        {
            await alarms.ClearAsync(AlarmKey.Station(stationId, AlarmKinds.ClockSkew), ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Read back from the database at the next check, and cleared by the next good timestamp.
            LogFailed(logger, stationId, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The clock-skew alarm of station {StationId} could not be stored")]
    private static partial void LogFailed(ILogger logger, string stationId, Exception exception);
}
