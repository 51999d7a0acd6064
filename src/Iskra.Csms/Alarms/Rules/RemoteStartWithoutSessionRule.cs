using Iskra.Csms.Storage;
using Iskra.Csms.Transactions;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Csms.Alarms.Rules;

/// <summary>
/// <see cref="AlarmKinds.RemoteStartWithoutSession"/>: a remote start (1.6 RemoteStartTransaction, 2.0.1
/// RequestStartTransaction) that the station Accepted, with no session begun for it within
/// <c>Alarms:RemoteStartWithoutSession:After</c>, opens the alarm of its connector (1.6) or EVSE (2.0.1), or of the
/// station when the start named none; another such start repeats it. A session that starts there afterwards clears it
/// (<see cref="SessionAlarms"/>), and so does <c>ClearAfter</c> without a repeat (<see cref="QuietAlarms"/>).
/// Each remote start is judged once: the check reads only the starts above the newest one already judged (their ids
/// follow time), so the table's history is never scanned.
/// </summary>
public sealed class RemoteStartWithoutSessionRule(StorageWriter writer, IDbContextFactory<IskraDbContext> contexts) : ITimedAlarmRule
{
    /// <summary>How long a start may wait for the station's answer before it is judged without one (no alarm).</summary>
    public static readonly TimeSpan AnswerWait = TimeSpan.FromMinutes(10);

    private int? _judged; // every remote start with an id up to this one is judged

    public async Task CheckAsync(AlarmBook book, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(book);
        var options = book.Options.RemoteStartWithoutSession;
        var due = now - options.After;
        List<AlarmSignal> signals = [];
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            // At start: the starts that were due before are taken as judged (read backwards along the primary key).
            _judged ??= await db.RemoteStarts.AsNoTracking().Where(r => r.RequestedAt < due)
                .OrderByDescending(r => r.Id).Select(r => (int?)r.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false) ?? 0;
            var judged = _judged.Value;
            var pending = await db.RemoteStarts.AsNoTracking().Where(r => r.Id > judged).OrderBy(r => r.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var start in pending)
            {
                if (start.RequestedAt > due || (start.Status is null && start.RequestedAt > due - AnswerWait))
                {
                    break; // not due yet, or the station's answer is still awaited: judged at a later check
                }

                _judged = start.Id;
                if (options.Enabled && start is { Status: "Accepted", TransactionId: null } && !await SessionBeganAsync(db, start, cancellationToken).ConfigureAwait(false))
                {
                    var version = await db.Stations.AsNoTracking().Where(s => s.Id == start.StationId).Select(s => s.OcppVersion).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
                    signals.Add(Signal(start, version, options));
                }
            }
        }

        await OpenAlarms.RaiseAsync(writer, book, signals, now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The alarms a session that started on <paramref name="tx"/>'s connector ends: its connector's, its EVSE's and the station's.</summary>
    public static AlarmKey[] KeysEndedBy(ChargingTransaction tx)
    {
        ArgumentNullException.ThrowIfNull(tx);
        return
        [
            new(tx.StationId, tx.EvseId, tx.EvseId, AlarmKinds.RemoteStartWithoutSession),
            new(tx.StationId, tx.EvseId, null, AlarmKinds.RemoteStartWithoutSession),
            AlarmKey.Station(tx.StationId, AlarmKinds.RemoteStartWithoutSession),
        ];
    }

    /// <summary>The alarm's place: the 1.6 connector, the 2.0.1 EVSE, or the station when the start named neither.</summary>
    public static AlarmKey Key(string stationId, int? connectorId, string? version) => connectorId switch
    {
        null => AlarmKey.Station(stationId, AlarmKinds.RemoteStartWithoutSession),
        { } c when version == "1.6" => new(stationId, c, c, AlarmKinds.RemoteStartWithoutSession),
        { } e => new(stationId, e, null, AlarmKinds.RemoteStartWithoutSession),
    };

    public static AlarmSignal Signal(RemoteStart start, string? version, AlarmRuleOptions options)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(options);
        var key = Key(start.StationId, start.ConnectorId, version);
        return AlarmSignal.Iskra(key, options.Severity,
            $"{AlarmText.Place(key)} accepted the remote start for {start.IdTag} at {AlarmText.Time(start.RequestedAt)} but began no session within {AlarmText.Duration(options.After)}");
    }

    /// <summary>Whether a session began for the start: linked to it, or any session on its station (and connector) since it was asked for.</summary>
    private static Task<bool> SessionBeganAsync(IskraDbContext db, RemoteStart start, CancellationToken ct) =>
        db.Transactions.AsNoTracking().AnyAsync(t => t.StationId == start.StationId
            && (t.RemoteStartId == start.Id || (t.StartedAt >= start.RequestedAt && (start.ConnectorId == null || t.EvseId == start.ConnectorId))), ct);
}
