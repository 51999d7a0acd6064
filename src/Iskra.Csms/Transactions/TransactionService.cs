using System.Globalization;
using System.Security.Cryptography;
using Iskra.Csms.Alarms;
using Iskra.Csms.Alarms.Rules;
using Iskra.Csms.Authorization;
using Iskra.Csms.Events;
using Iskra.Csms.Storage;
using Iskra.Csms.Tariffs;
using Microsoft.Extensions.Options;

namespace Iskra.Csms.Transactions;

/// <summary>
/// Transactions and meter values (blocks E and J) for both versions: 1.6 Start/StopTransaction and
/// 2.0.1 TransactionEvent are thin handlers over this one service. Retries are idempotent, business
/// problems are accepted and flagged (never a CALLERROR), energy is kept in Wh.
/// </summary>
public sealed class TransactionService(
    StorageWriter writer,
    AuthorizationService authorization,
    CsmsEvents events,
    SessionBilling billing,
    RunningCosts runningCosts,
    AlarmBook alarms,
    IOptions<CsmsOptions> options,
    ClockSkewRule clock,
    TimeProvider time)
{
    /// <summary>1.6 StartTransaction: allocates an unguessable id, or returns the same one for a retry of the same start.</summary>
    public async ValueTask<(int TransactionId, AuthorizationResult IdTagInfo)> StartAsync(
        string stationId, StartTransactionInput start, CancellationToken cancellationToken)
    {
        var auth = await authorization.AuthorizeAsync(start.IdTag, null, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var flags = Flag(auth, start.Timestamp, now);
        var key = string.Create(CultureInfo.InvariantCulture, $"{start.ConnectorId}|{start.IdTag}|{start.MeterStartWh}|{start.Timestamp.ToUniversalTime():O}");
        var (tx, created, cleared) = await writer.WriteAsync((stationId, start, key, auth, flags, now, billing.Selector, alarms), static async (db, s, ct) =>
        {
            var existing = db.Transactions.Local.FirstOrDefault(t => t.StationId == s.stationId && t.StartKey == s.key)
                ?? await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(
                    db.Transactions, t => t.StationId == s.stationId && t.StartKey == s.key, ct).ConfigureAwait(false);
            if (existing is not null)
            {
                return (existing, false, (List<AlarmChange>?)null); // OCPP-J 1.6 §4.1: a retry gets the same answer
            }

            // A clash with a stored id of this station (one in 2^31) breaks the unique index, and the retry
            // (the writer's, item by item, or else the station's) draws a new id: only the batch is checked.
            string transactionId;
            do
            {
                transactionId = RandomNumberGenerator.GetInt32(1, int.MaxValue).ToString(CultureInfo.InvariantCulture);
            }
            while (TransactionStore.InBatch(db, s.stationId, transactionId));

            var tx = new ChargingTransaction
            {
                StationId = s.stationId,
                TransactionId = transactionId,
                EvseId = s.start.ConnectorId,
                ConnectorId = s.start.ConnectorId,
                IdTag = s.start.IdTag,
                IdTagSource = IdTagSources.Station,
                IdTagStatus = s.auth.Status.ToString(),
                StartedAt = s.start.Timestamp.ToUniversalTime(),
                MeterStartWh = s.start.MeterStartWh,
                ReservationId = s.start.ReservationId,
                RemoteStartId = await RemoteStarts.LinkAsync(db, s.stationId, s.start.ConnectorId, s.start.IdTag, transactionId, s.now, ct).ConfigureAwait(false),
                StartKey = s.key,
                Problems = s.flags,
                UpdatedAt = s.now,
            };
            await SessionBilling.ChooseTariffAsync(db, s.Selector, tx, authorized: true, s.auth.ParentIdTag, ct).ConfigureAwait(false);
            TransactionStore.Add(db, tx);
            return (tx, true, await SessionAlarms.ApplyAsync(s.alarms, db, tx, started: true, s.now, ct).ConfigureAwait(false));
        }, cancellationToken).ConfigureAwait(false);
        if (created)
        {
            events.Transaction(CsmsEventTypes.TransactionStarted, tx);
        }

        await clock.ObserveAsync(stationId, "StartTransaction", start.Timestamp, live: false, now, cancellationToken).ConfigureAwait(false);
        alarms.Announce(cleared);

        return (int.Parse(tx.TransactionId, CultureInfo.InvariantCulture), auth);
    }

    /// <summary>1.6 StopTransaction: closes the session once; a repeat is acknowledged without applying it again.</summary>
    public async ValueTask<AuthorizationResult?> StopAsync(string stationId, StopTransactionInput stop, CancellationToken cancellationToken)
    {
        AuthorizationResult? auth = stop.IdTag is null ? null : await authorization.AuthorizeAsync(stop.IdTag, null, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var late = IsLate(stop.Timestamp, now);
        var (stopped, cleared) = await writer.WriteAsync((stationId, stop, now, late, alarms), static async (db, s, ct) =>
        {
            var id = s.stop.TransactionId.ToString(CultureInfo.InvariantCulture);
            var tx = await TransactionStore.FindAsync(db, s.stationId, id, ct).ConfigureAwait(false);
            if (tx is null)
            {
                TransactionStore.Add(db, tx = new ChargingTransaction { StationId = s.stationId, TransactionId = id, Problems = TransactionProblems.UnknownTransaction });
            }
            else if (tx.StoppedAt is not null)
            {
                // A retry (the same stop under a new message id) is acknowledged as it was; a different
                // stop of a finished session is accepted and flagged, never applied (SPEC §2.1).
                if (tx.StoppedAt != s.stop.Timestamp.ToUniversalTime() || tx.MeterStopWh != s.stop.MeterStopWh)
                {
                    tx.Problems |= TransactionProblems.StoppedTwice;
                    tx.UpdatedAt = s.now;
                }

                return ((ChargingTransaction?)null, (List<AlarmChange>?)null);
            }

            tx.StoppedAt = s.stop.Timestamp.ToUniversalTime();
            tx.StopReason = s.stop.Reason ?? "Local"; // 1.6 §4.10: an absent reason is assumed Local
            if (s.late)
            {
                tx.Problems |= TransactionProblems.LateTimestamp;
            }

            TransactionStore.AddMeterValues(db, s.stationId, tx, tx.EvseId, tx.ConnectorId, s.stop.TransactionData, s.now);
            tx.MeterStopWh = s.stop.MeterStopWh;
            tx.UpdatedAt = s.now;
            TransactionStore.Recompute(tx);
            return (tx, await SessionAlarms.ApplyAsync(s.alarms, db, tx, started: false, s.now, ct).ConfigureAwait(false));
        }, cancellationToken).ConfigureAwait(false);
        alarms.Announce(cleared);
        if (stopped is not null && await FinalizeCostAsync(stationId, stopped.TransactionId, stopped, cancellationToken).ConfigureAwait(false) is { } cost)
        {
            runningCosts.SendFinal(stationId, stopped.TransactionId, cost); // 1.6 has no cost message of its own: a vendor display's
        }

        events.Transaction(CsmsEventTypes.TransactionStopped, stopped);
        await clock.ObserveAsync(stationId, "StopTransaction", stop.Timestamp, live: false, now, cancellationToken).ConfigureAwait(false);
        return auth;
    }

    /// <summary>
    /// Prices a session that has just ended and issues its charge detail record; the final cost is set on
    /// <paramref name="tx"/> (the writer hands its rows to the caller) for the stop event and the answer.
    /// </summary>
    private async ValueTask<SessionCost?> FinalizeCostAsync(string stationId, string transactionId, ChargingTransaction? tx, CancellationToken cancellationToken)
    {
        if (tx is { TariffId: null })
        {
            return null;
        }

        var cost = await billing.FinalizeAsync(stationId, transactionId, cancellationToken).ConfigureAwait(false);
        if (cost is not null && tx is not null)
        {
            tx.Cost = cost.Amount;
            tx.CostJson = TransactionCost.Write(cost);
            tx.CostFinal = true;
        }

        return cost;
    }

    /// <summary>MeterValues of either version; linked to the transaction when it is known, which is then announced as updated.</summary>
    public async ValueTask MeterValuesAsync(string stationId, int evseId, int connectorId, string? transactionId, IReadOnlyList<MeterReading> readings, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (tx, cleared) = await writer.WriteAsync((stationId, evseId, connectorId, transactionId, readings, now, alarms), static async (db, s, ct) =>
        {
            var tx = s.transactionId is null ? null : await TransactionStore.FindAsync(db, s.stationId, s.transactionId, ct).ConfigureAwait(false);
            TransactionStore.AddMeterValues(db, s.stationId, tx, s.evseId, s.connectorId, s.readings, s.now);
            if (tx is not null)
            {
                tx.UpdatedAt = s.now;
            }

            return (tx, await SessionAlarms.ApplyAsync(s.alarms, db, tx, started: false, s.now, ct).ConfigureAwait(false));
        }, cancellationToken).ConfigureAwait(false);
        alarms.Announce(cleared);
        runningCosts.Touch(tx);
        events.Transaction(CsmsEventTypes.TransactionUpdated, tx);
        if (readings.Count > 0)
        {
            // The newest sample: the older ones of a batch may have been queued.
            var newest = readings[0].Timestamp;
            for (var i = 1; i < readings.Count; i++)
            {
                newest = readings[i].Timestamp > newest ? readings[i].Timestamp : newest;
            }

            await clock.ObserveAsync(stationId, "MeterValues", newest, live: false, now, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// 2.0.1 TransactionEvent: deduplicated on (transactionId, seqNo), tolerant of gaps and reordering;
    /// an offline event never overrides state set by a live one (E.FR, E12). Returns the authorization of the
    /// event's idToken, if any, and for an Ended event the session's final cost (null when no tariff applies).
    /// </summary>
    public async ValueTask<(AuthorizationResult? IdTokenInfo, SessionCost? FinalCost)> EventAsync(string stationId, TransactionEventInput e, CancellationToken cancellationToken)
    {
        AuthorizationResult? auth = e.IdToken is null ? null : await authorization.AuthorizeAsync(e.IdToken, e.IdTokenType, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var flags = (auth is { } a ? Flag(a, e.Timestamp, now) : IsLate(e.Timestamp, now) ? TransactionProblems.LateTimestamp : TransactionProblems.None)
            | (e.Offline ? TransactionProblems.OfflineEvents : TransactionProblems.None);
        var (tx, type, cleared) = await writer.WriteAsync((stationId, e, auth, flags, now, billing.Selector, alarms), static async (db, s, ct) =>
        {
            var e = s.e;
            var tx = await TransactionStore.FindAsync(db, s.stationId, e.TransactionId, ct).ConfigureAwait(false);
            var created = tx is null;
            if (tx is null)
            {
                TransactionStore.Add(db, tx = new ChargingTransaction { StationId = s.stationId, TransactionId = e.TransactionId });
                if (e.EventType != "Started")
                {
                    tx.Problems |= TransactionProblems.UnknownTransaction;
                }
            }
            else if (e.SeqNo <= tx.LastSeqNo && await SeenAsync(db, tx, e.SeqNo, ct).ConfigureAwait(false))
            {
                return ((ChargingTransaction?)null, (string?)null, (List<AlarmChange>?)null); // a retry of an event already stored
            }

            var hadIdTag = tx.IdTag is not null;
            db.TransactionEvents.Add(new TransactionEventRecord
            {
                Transaction = tx,
                SeqNo = e.SeqNo,
                EventType = e.EventType,
                TriggerReason = e.TriggerReason,
                Timestamp = e.Timestamp.ToUniversalTime(),
                Offline = e.Offline,
                ReceivedAt = s.now,
            });
            Apply(tx, e, s.auth, s.flags, s.now);
            if (e.EvseId is { } evse && e.ConnectorId is null && tx.ConnectorId == 0)
            {
                // Named by its EVSE only: the EVSE's connector when it has exactly one known connector.
                tx.ConnectorId = await TransactionStore.OnlyConnectorAsync(db, s.stationId, evse, ct).ConfigureAwait(false) ?? 0;
            }

            if (e.RemoteStartId is { } remoteStartId && tx.IdTag is null)
            {
                // F01/F02: a remote-started session whose events carry no idToken: the token is the one
                // Iskra asked the station to start with, which the remoteStartId names.
                tx.IdTag = await RemoteStarts.IdTagAsync(db, s.stationId, remoteStartId, ct).ConfigureAwait(false);
                tx.IdTagSource = tx.IdTag is null ? null : IdTagSources.RemoteStart;
            }

            if (created || (!hadIdTag && tx.IdTag is not null))
            {
                // The tariff is chosen as the session starts, and again once its card is known (a card group's price).
                await SessionBilling.ChooseTariffAsync(db, s.Selector, tx, authorized: s.auth is not null && tx.IdTag == e.IdToken, s.auth?.ParentIdTag, ct).ConfigureAwait(false);
            }

            TransactionStore.AddMeterValues(db, s.stationId, tx, tx.EvseId, tx.ConnectorId, e.MeterValues, s.now);
            var cleared = await SessionAlarms.ApplyAsync(s.alarms, db, tx, started: e.EventType == "Started", s.now, ct).ConfigureAwait(false);
            return (tx, e.EventType switch
            {
                "Started" => CsmsEventTypes.TransactionStarted,
                "Ended" => CsmsEventTypes.TransactionStopped,
                _ => CsmsEventTypes.TransactionUpdated,
            }, cleared);
        }, cancellationToken).ConfigureAwait(false);
        alarms.Announce(cleared);
        SessionCost? finalCost = null;
        if (e.EventType == "Ended")
        {
            // Also for a retried Ended (tx null here): the retry gets the same final cost (OCPP-J: same answer).
            finalCost = await FinalizeCostAsync(stationId, e.TransactionId, tx, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            runningCosts.Touch(tx);
        }

        if (type is not null)
        {
            events.Transaction(type, tx);
        }

        // Live: sent as it happened (offline=false) and not a retry of an event stored before (a retry is old by nature).
        await clock.ObserveAsync(stationId, "TransactionEvent", e.Timestamp, live: !e.Offline && type is not null, now, cancellationToken).ConfigureAwait(false);
        return (auth, finalCost);
    }

    /// <summary>
    /// Whether event <paramref name="seqNo"/> of <paramref name="tx"/> is already stored or in this batch.
    /// Only asked when seqNo is not above the highest one seen (<c>LastSeqNo</c>), so events that arrive in
    /// order never read the database.
    /// </summary>
    private static async ValueTask<bool> SeenAsync(IskraDbContext db, ChargingTransaction tx, int seqNo, CancellationToken ct) =>
        db.TransactionEvents.Local.Any(r => r.Transaction == tx && r.SeqNo == seqNo)
        || (tx.Id > 0 && await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(
            db.TransactionEvents, r => r.TransactionDbId == tx.Id && r.SeqNo == seqNo, ct).ConfigureAwait(false));

    private static void Apply(ChargingTransaction tx, TransactionEventInput e, AuthorizationResult? auth, TransactionProblems flags, DateTimeOffset now)
    {
        var timestamp = e.Timestamp.ToUniversalTime();
        tx.Problems |= flags;
        if (tx.LastSeqNo is { } last && e.SeqNo > last + 1)
        {
            tx.Problems |= TransactionProblems.SeqNoGap;
        }

        tx.LastSeqNo = Math.Max(tx.LastSeqNo ?? e.SeqNo, e.SeqNo);
        if (e.EvseId is { } evse)
        {
            tx.EvseId = evse;
        }

        if (e.ConnectorId is { } connector)
        {
            tx.ConnectorId = connector;
        }

        if (e.IdToken is not null && (tx.IdTag is null || e.EventType == "Started"))
        {
            tx.IdTag = e.IdToken;
            tx.IdTagSource = IdTagSources.Station;
            tx.IdTagStatus = auth?.Status.ToString();
        }

        tx.RemoteStartId ??= e.RemoteStartId;
        tx.ReservationId ??= e.ReservationId;
        if (e.EventType == "Started" || tx.StartedAt is null || timestamp < tx.StartedAt)
        {
            tx.StartedAt = e.EventType == "Started" ? timestamp : (tx.StartedAt is null || timestamp < tx.StartedAt ? timestamp : tx.StartedAt);
        }

        var isNewest = tx.LastLiveAt is null || timestamp >= tx.LastLiveAt;
        if (e.ChargingState is not null && (!e.Offline || tx.LastLiveAt is null) && isNewest)
        {
            tx.ChargingState = e.ChargingState;
        }

        if (!e.Offline && isNewest)
        {
            tx.LastLiveAt = timestamp;
        }

        if (e.EventType == "Ended")
        {
            if (tx.StoppedAt is not null)
            {
                tx.Problems |= TransactionProblems.StoppedTwice; // a second Ended (another seqNo) for a finished session
            }

            tx.StoppedAt ??= timestamp;
            tx.StopReason ??= e.StoppedReason ?? "Local"; // E06: stoppedReason absent means Local
        }

        tx.UpdatedAt = now;
    }

    private TransactionProblems Flag(AuthorizationResult auth, DateTimeOffset timestamp, DateTimeOffset now) =>
        (auth.Known ? TransactionProblems.None : TransactionProblems.UnknownIdTag)
        | (auth.Status is IdTagStatus.Accepted ? TransactionProblems.None : TransactionProblems.NotAuthorized)
        | (IsLate(timestamp, now) ? TransactionProblems.LateTimestamp : TransactionProblems.None);

    private bool IsLate(DateTimeOffset timestamp, DateTimeOffset now) => now - timestamp > options.Value.LateMessageThreshold;
}
