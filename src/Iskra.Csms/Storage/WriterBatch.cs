using Iskra.Csms.Traffic;
using Iskra.Csms.Transactions;

namespace Iskra.Csms.Storage;

/// <summary>
/// What the storage writer keeps beside its context while it applies one batch: the append-only rows
/// (traffic, meter values) that it inserts in bulk after <c>SaveChanges</c> instead of tracking each
/// one, and the batch's transactions by station and transaction id, so that a lookup is a hash probe
/// rather than a scan of every tracked row.
/// </summary>
internal sealed class WriterBatch(OpenTransactions open)
{
    /// <summary>Open transactions as the writer last committed them, kept from batch to batch.</summary>
    public OpenTransactions Open { get; } = open;

    public List<TrafficEntry> Traffic { get; } = [];

    public List<MeterValueRecord> MeterValues { get; } = [];

    public Dictionary<(string StationId, string TransactionId), ChargingTransaction> Transactions { get; } = [];
}
