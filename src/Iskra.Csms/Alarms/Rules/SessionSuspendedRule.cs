using Iskra.Csms.Storage;
using Iskra.Csms.Transactions;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Csms.Alarms.Rules;

/// <summary>
/// <see cref="AlarmKinds.SessionSuspended"/>: a running session whose connector stays SuspendedEV or SuspendedEVSE longer
/// than <c>Alarms:SessionSuspended:After</c> opens the connector's alarm ("… has been SuspendedEV since …"). The state
/// is the 2.0.1 session's chargingState (<see cref="ChargingTransaction.ChargingState"/>) or, for 1.6, the connector's
/// StatusNotification status. Since when: for 1.6 the status's timestamp; 2.0.1 stores no time of the change, so it is
/// the first check that saw the state (kept in memory: after a restart a 2.0.1 suspension counts from then). Leaving the
/// state clears the alarm on that message's write (<see cref="ClearAsync"/>); an ended session clears it there or at the next check.
/// </summary>
public sealed class SessionSuspendedRule(StorageWriter writer, IDbContextFactory<IskraDbContext> contexts) : ITimedAlarmRule
{
    // Touched by the checks only, which run one at a time.
    private Dictionary<(string StationId, string TransactionId), DateTimeOffset> _seen = [];

    /// <summary>Whether <paramref name="state"/> is one of the suspended states of either version.</summary>
    public static bool IsSuspended(string? state) => state is "SuspendedEV" or "SuspendedEVSE";

    public async Task CheckAsync(AlarmBook book, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(book);
        var options = book.Options.SessionSuspended;
        List<Suspended> suspended;
        List<AlarmKey> open;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            // Running sessions only (stopped_at IS NULL), each with its connector's row by primary key.
            suspended = await (
                from t in db.Transactions.AsNoTracking()
                where t.StoppedAt == null && t.StartedAt != null
                join c in db.Connectors.AsNoTracking() on new { t.StationId, t.EvseId, t.ConnectorId } equals new { c.StationId, c.EvseId, c.ConnectorId } into cs
                from c in cs.DefaultIfEmpty()
                where t.ChargingState == "SuspendedEV" || t.ChargingState == "SuspendedEVSE"
                    || (t.ChargingState == null && (c.Status == "SuspendedEV" || c.Status == "SuspendedEVSE"))
                select new Suspended(t.StationId, t.TransactionId, t.EvseId, t.ConnectorId, t.ChargingState ?? c.Status, t.ChargingState == null ? (DateTimeOffset?)c.UpdatedAt : null))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            open = await OpenAlarms.KeysAsync(db, AlarmKinds.SessionSuspended, cancellationToken).ConfigureAwait(false);
        }

        var seen = new Dictionary<(string, string), DateTimeOffset>(suspended.Count);
        foreach (var s in suspended)
        {
            var first = _seen.GetValueOrDefault((s.StationId, s.TransactionId), now);
            seen[(s.StationId, s.TransactionId)] = s.StatusAt is { } at && at < first ? at : first;
        }

        _seen = seen; // sessions that left the state are forgotten
        var found = suspended.Select(s => Key(s.StationId, s.EvseId, s.ConnectorId)).ToHashSet();
        await OpenAlarms.ClearAsync(book, [.. open.Where(k => !found.Contains(k))], cancellationToken).ConfigureAwait(false);
        if (!options.Enabled)
        {
            return;
        }

        var known = open.ToHashSet();
        var signals = new List<AlarmSignal>();
        foreach (var s in suspended)
        {
            var key = Key(s.StationId, s.EvseId, s.ConnectorId);
            var since = seen[(s.StationId, s.TransactionId)];
            if (since <= now - options.After && known.Add(key))
            {
                signals.Add(AlarmSignal.Iskra(key, options.Severity, $"{AlarmText.Place(key)}: session {s.TransactionId} has been {s.State} since {AlarmText.Time(since)}"));
            }
        }

        await OpenAlarms.RaiseAsync(writer, book, signals, now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// On a state change's write (inside writer work): clears the connector's alarm when <paramref name="state"/> is not a
    /// suspended one or <paramref name="ended"/>. Null when nothing was open (a set lookup).
    /// </summary>
    public static ValueTask<AlarmChange?> ClearAsync(AlarmBook book, IskraDbContext db, string stationId, int evseId, int connectorId, string? state, bool ended, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(book);
        return !ended && (state is null || IsSuspended(state))
            ? ValueTask.FromResult<AlarmChange?>(null)
            : book.ClearAsync(db, Key(stationId, evseId, connectorId), now, ct);
    }

    /// <summary>The session's connector: connector 0 (not known yet, 2.0.1) names the EVSE alone.</summary>
    public static AlarmKey Key(string stationId, int evseId, int connectorId) =>
        new(stationId, evseId, connectorId == 0 ? null : connectorId, AlarmKinds.SessionSuspended);

    /// <summary>A running session in a suspended state; <paramref name="StatusAt"/> is the 1.6 status's time.</summary>
    private sealed record Suspended(string StationId, string TransactionId, int EvseId, int ConnectorId, string State, DateTimeOffset? StatusAt);
}
