using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Csms.Transactions;

/// <summary>Lookups and meter-value bookkeeping shared by the transaction flows of both versions.</summary>
internal static class TransactionStore
{
    /// <summary>Finds a transaction in the context's pending changes first, then in the database.</summary>
    public static async ValueTask<ChargingTransaction?> FindAsync(IskraDbContext db, string stationId, string transactionId, CancellationToken ct) =>
        db.Transactions.Local.FirstOrDefault(t => t.StationId == stationId && t.TransactionId == transactionId)
        ?? await db.Transactions.FirstOrDefaultAsync(t => t.StationId == stationId && t.TransactionId == transactionId, ct).ConfigureAwait(false);

    /// <summary>Stores every sampled value and moves the transaction's live energy figures along.</summary>
    public static void AddMeterValues(
        IskraDbContext db, string stationId, ChargingTransaction? tx, int evseId, int connectorId,
        IReadOnlyList<MeterReading> readings, DateTimeOffset receivedAt)
    {
        foreach (var reading in readings)
        {
            var timestamp = reading.Timestamp.ToUniversalTime();
            foreach (var v in reading.Values)
            {
                db.MeterValues.Add(new MeterValueRecord
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
