using Iskra.Csms.Storage;
using Iskra.Csms.Transactions;

namespace Iskra.Csms.Alarms.Rules;

/// <summary>
/// The clears a session's own messages bring, inside the writer's work that stores them: meter values again
/// (<see cref="NoMeterValuesRule"/>), a state other than suspended or the end (<see cref="SessionSuspendedRule"/>), and a
/// session that started (<see cref="RemoteStartWithoutSessionRule"/>). Each is a set lookup when no alarm is open.
/// </summary>
public static class SessionAlarms
{
    /// <summary>Clears what <paramref name="tx"/>, as this message left it, ends; null when nothing was open.</summary>
    public static async ValueTask<List<AlarmChange>?> ApplyAsync(AlarmBook book, IskraDbContext db, ChargingTransaction? tx, bool started, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(book);
        if (tx is null)
        {
            return null;
        }

        List<AlarmChange>? changes = null;
        Add(ref changes, await NoMeterValuesRule.ClearAsync(book, db, tx, now, ct).ConfigureAwait(false));
        Add(ref changes, await SessionSuspendedRule.ClearAsync(book, db, tx.StationId, tx.EvseId, tx.ConnectorId, tx.ChargingState, tx.StoppedAt is not null, now, ct).ConfigureAwait(false));
        if (started)
        {
            foreach (var key in RemoteStartWithoutSessionRule.KeysEndedBy(tx))
            {
                Add(ref changes, await book.ClearAsync(db, key, now, ct).ConfigureAwait(false));
            }
        }

        return changes;
    }

    private static void Add(ref List<AlarmChange>? changes, AlarmChange? change)
    {
        if (change is not null)
        {
            (changes ??= []).Add(change);
        }
    }
}
