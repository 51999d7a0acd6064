using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Csms.Transactions;

/// <summary>Lookups and meter-value bookkeeping shared by the transaction flows of both versions.</summary>
internal static class TransactionStore
{
    /// <summary>Finds a transaction in the context's pending changes first, then in the database.</summary>
    public static async ValueTask<ChargingTransaction?> FindAsync(IskraDbContext db, string stationId, string transactionId, CancellationToken ct)
    {
        if (db.Batch is not { } batch)
        {
            return db.Transactions.Local.FirstOrDefault(t => t.StationId == stationId && t.TransactionId == transactionId)
                ?? await db.Transactions.FirstOrDefaultAsync(t => t.StationId == stationId && t.TransactionId == transactionId, ct).ConfigureAwait(false);
        }

        if (batch.Transactions.TryGetValue((stationId, transactionId), out var known))
        {
            return known;
        }

        if (batch.Kept.Transactions.Take((stationId, transactionId)) is { } copy)
        {
            var tracked = db.Transactions.Local.FindEntry(copy.Id)?.Entity;
            if (tracked is null)
            {
                db.Transactions.Attach(copy);
            }

            return batch.Transactions[(stationId, transactionId)] = tracked ?? copy;
        }

        var found = await db.Transactions.FirstOrDefaultAsync(t => t.StationId == stationId && t.TransactionId == transactionId, ct).ConfigureAwait(false);
        if (found is not null)
        {
            batch.Transactions[(stationId, transactionId)] = found;
        }

        return found;
    }

    /// <summary>Whether this context already holds the transaction (added or found in it), without reading the database.</summary>
    public static bool InBatch(IskraDbContext db, string stationId, string transactionId) =>
        db.Batch is { } batch
            ? batch.Transactions.ContainsKey((stationId, transactionId))
            : db.Transactions.Local.Any(t => t.StationId == stationId && t.TransactionId == transactionId);

    /// <summary>
    /// The one connector the station has reported (StatusNotification) on <paramref name="evseId"/>, or
    /// null when it has none or several. Asked only for an event that names an EVSE without a connector.
    /// </summary>
    public static async ValueTask<int?> OnlyConnectorAsync(IskraDbContext db, string stationId, int evseId, CancellationToken ct)
    {
        var stored = await db.Connectors.AsNoTracking()
            .Where(c => c.StationId == stationId && c.EvseId == evseId && c.ConnectorId > 0)
            .Select(c => c.ConnectorId).Take(2).ToListAsync(ct).ConfigureAwait(false);
        var ids = db.Connectors.Local
            .Where(c => c.StationId == stationId && c.EvseId == evseId && c.ConnectorId > 0)
            .Select(c => c.ConnectorId).Concat(stored).Distinct().Take(2).ToList();
        return ids.Count == 1 ? ids[0] : null;
    }

    /// <summary>Adds a new transaction to the context (and to the writer batch's lookup).</summary>
    public static void Add(IskraDbContext db, ChargingTransaction tx)
    {
        db.Transactions.Add(tx);
        if (db.Batch is { } batch)
        {
            batch.Transactions[(tx.StationId, tx.TransactionId)] = tx;
        }
    }


    /// <summary>
    /// Stores every sampled value and moves the transaction's live energy figures along. A sample the
    /// transaction already has is skipped by the bulk insert (its <see cref="MeterValueRecord.SampleKey"/>);
    /// applying it to the figures again changes nothing: the same reading at the same time.
    /// </summary>
    public static void AddMeterValues(
        IskraDbContext db, string stationId, ChargingTransaction? tx, int evseId, int connectorId,
        IReadOnlyList<MeterReading> readings, DateTimeOffset receivedAt)
    {
        foreach (var reading in readings)
        {
            var timestamp = reading.Timestamp.ToUniversalTime();
            foreach (var v in reading.Values)
            {
                db.Append(new MeterValueRecord
                {
                    StationId = stationId,
                    Transaction = tx,
                    EvseId = evseId,
                    ConnectorId = connectorId,
                    Timestamp = timestamp,
                    Value = v.Value,
                    Measurand = v.Measurand,
                    Phase = v.Phase,
                    Unit = v.Unit,
                    Multiplier = v.Multiplier == 0 ? null : v.Multiplier,
                    Context = v.Context,
                    Location = v.Location,
                    Format = v.Format,
                    SignedData = v.SignedData,
                    ReceivedAt = receivedAt,
                    SampleKey = MeterSamples.Key(timestamp, v.Measurand, v.Phase, v.Location, v.Context),
                });
                if (tx is not null && EnergyRegister.ToWh(v) is { } wh)
                {
                    Track(tx, wh, v.Context, timestamp);
                }
            }
        }
    }

    private static void Track(ChargingTransaction tx, decimal wh, string? context, DateTimeOffset timestamp)
    {
        if (timestamp == tx.LastMeterAt && wh == tx.MeterStopWh && context is not ("Transaction.Begin" or "Transaction.End"))
        {
            // The newest reading again: a repeated MeterValues. Stored once; flagged for billing review. (A Begin or
            // End sample taken in the same instant as a periodic one is the station's normal report, not a repeat.)
            tx.Problems |= TransactionProblems.DuplicateMeterValues;
            return;
        }

        if (context == "Transaction.Begin" || tx.MeterStartWh is null)
        {
            tx.MeterStartWh = wh;
        }

        if (context == "Transaction.End" || tx.LastMeterAt is null || timestamp >= tx.LastMeterAt)
        {
            tx.MeterStopWh = wh;
            tx.LastMeterAt = timestamp;
        }

        Recompute(tx);
    }

    public static void Recompute(ChargingTransaction tx)
    {
        if (tx.MeterStartWh is { } start && tx.MeterStopWh is { } stop)
        {
            if (stop < start)
            {
                tx.Problems |= TransactionProblems.MeterStopBelowStart;
                tx.EnergyWh = null;
            }
            else
            {
                tx.EnergyWh = stop - start;
            }
        }
    }
}
