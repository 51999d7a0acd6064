using Iskra.Csms.Stations;
using Iskra.Csms.Traffic;
using Iskra.Csms.Transactions;

namespace Iskra.Csms.Storage;

/// <summary>
/// What the storage writer keeps beside its context while it applies one batch: the append-only rows
/// (traffic, meter values) that it inserts in bulk after <c>SaveChanges</c> instead of tracking each
/// one, and the batch's transactions and connectors by key, so that a lookup is a hash probe rather
/// than a scan of every tracked row or a database read.
/// </summary>
internal sealed class WriterBatch(WriterRows kept)
{
    /// <summary>Rows as the writer last committed them, kept from batch to batch.</summary>
    public WriterRows Kept { get; } = kept;

    public List<TrafficEntry> Traffic { get; } = [];

    public List<MeterValueRecord> MeterValues { get; } = [];

    public Dictionary<(string StationId, string TransactionId), ChargingTransaction> Transactions { get; } = [];

    public Dictionary<(string StationId, int EvseId, int ConnectorId), Connector> Connectors { get; } = [];

    /// <summary>After the commit: the kept rows become this batch's.</summary>
    public void Committed()
    {
        Kept.Transactions.Committed(Transactions);
        Kept.Connectors.Committed(Connectors);
    }
}

/// <summary>The writer's kept rows (<see cref="KeptRows{TKey, T}"/>): open transactions and connectors.</summary>
internal sealed class WriterRows
{
    public KeptRows<(string StationId, string TransactionId), ChargingTransaction> Transactions { get; } =
        new(static tx => tx.StoppedAt is null && tx.Id > 0, static tx => tx.Copy(), 100_000);

    public KeptRows<(string StationId, int EvseId, int ConnectorId), Connector> Connectors { get; } =
        new(static _ => true, static c => c.Copy(), 200_000);
}
