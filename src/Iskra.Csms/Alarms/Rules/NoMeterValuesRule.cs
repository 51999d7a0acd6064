using Iskra.Csms.Storage;
using Iskra.Csms.Transactions;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Csms.Alarms.Rules;

/// <summary>
/// <see cref="AlarmKinds.NoMeterValues"/>: a running session (no stop yet) whose newest energy reading
/// (<see cref="ChargingTransaction.LastMeterAt"/>, else its start) is older than <c>Alarms:NoMeterValues:After</c> opens
/// the alarm of its connector, while the station is connected (an offline station has its own alarm). Meter values
/// that arrive again clear it on their write (<see cref="ClearAsync"/>, a set lookup when none is open); a session that
/// ended clears it at the next check. The reading's time is the station's: a station whose clock is far behind keeps it open.
/// </summary>
public sealed class NoMeterValuesRule(StationPresence presence, StorageWriter writer, IDbContextFactory<IskraDbContext> contexts) : ITimedAlarmRule
{
    public async Task CheckAsync(AlarmBook book, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(book);
        var options = book.Options.NoMeterValues;
        var cutoff = now - options.After;
        List<Silent> silent;
        List<AlarmKey> open;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            // Running sessions only: transactions (stopped_at) IS NULL is the filter an index can serve.
            silent = await db.Transactions.AsNoTracking()
                .Where(t => t.StoppedAt == null && t.StartedAt != null && (t.LastMeterAt ?? t.StartedAt) < cutoff)
                .Select(t => new Silent(t.StationId, t.TransactionId, t.EvseId, t.ConnectorId, t.LastMeterAt ?? t.StartedAt!.Value))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            open = await OpenAlarms.KeysAsync(db, AlarmKinds.NoMeterValues, cancellationToken).ConfigureAwait(false);
        }

        var found = silent.Select(s => Key(s.StationId, s.EvseId, s.ConnectorId)).ToHashSet();
        await OpenAlarms.ClearAsync(book, [.. open.Where(k => !found.Contains(k))], cancellationToken).ConfigureAwait(false);
        if (!options.Enabled)
        {
            return;
        }

        var known = open.ToHashSet();
        var signals = silent
            .Where(s => !known.Contains(Key(s.StationId, s.EvseId, s.ConnectorId)) && !presence.IsOffline(s.StationId))
            .Select(s => Signal(s, options.Severity))
            .ToList();
        await OpenAlarms.RaiseAsync(writer, book, signals, now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// On the meter-value write (inside writer work): clears the session's alarm when its newest reading is recent again
    /// or the session has ended. Null when nothing was open (a set lookup).
    /// </summary>
    public static ValueTask<AlarmChange?> ClearAsync(AlarmBook book, IskraDbContext db, ChargingTransaction? tx, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(book);
        if (tx is null || (tx.StoppedAt is null && (tx.LastMeterAt is not { } last || last < now - book.Options.NoMeterValues.After)))
        {
            return ValueTask.FromResult<AlarmChange?>(null);
        }

        return book.ClearAsync(db, Key(tx.StationId, tx.EvseId, tx.ConnectorId), now, ct);
    }

    /// <summary>The session's connector: connector 0 (not known yet, 2.0.1) names the EVSE alone.</summary>
    public static AlarmKey Key(string stationId, int evseId, int connectorId) =>
        new(stationId, evseId, connectorId == 0 ? null : connectorId, AlarmKinds.NoMeterValues);

    private static AlarmSignal Signal(Silent s, string severity)
    {
        var key = Key(s.StationId, s.EvseId, s.ConnectorId);
        return AlarmSignal.Iskra(key, severity, $"{AlarmText.Place(key)}: session {s.TransactionId} has sent no meter values since {AlarmText.Time(s.Last)}");
    }

    /// <summary>A running session without a recent reading.</summary>
    private sealed record Silent(string StationId, string TransactionId, int EvseId, int ConnectorId, DateTimeOffset Last);
}
