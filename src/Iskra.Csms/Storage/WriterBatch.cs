using Iskra.Csms.Traffic;
using Iskra.Csms.Transactions;

namespace Iskra.Csms.Storage;

/// <summary>
/// What the storage writer keeps beside its context while it applies one batch: the append-only rows
/// (traffic, meter values) that it inserts in bulk after <c>SaveChanges</c> instead of tracking each
/// one, and the batch's transactions by station and transaction id, so that a lookup is a hash probe
/// rather than a scan of every tracked row.
/// </summary>
internal sealed class WriterBatch
{
    public List<TrafficEntry> Traffic { get; } = [];

    public List<MeterValueRecord> MeterValues { get; } = [];

    public Dictionary<(string StationId, string TransactionId), ChargingTransaction> Transactions { get; } = [];

    public void Clear()
    {
        Traffic.Clear();
        MeterValues.Clear();
        Transactions.Clear();
    }
}
