namespace Iskra.Csms.Transactions;

/// <summary>One 2.0.1 TransactionEvent of a transaction; (TransactionDbId, SeqNo) is unique, which is the deduplication.</summary>
public sealed class TransactionEventRecord
{
    public long Id { get; set; }

    public long TransactionDbId { get; set; }

    public ChargingTransaction? Transaction { get; set; }

    public int SeqNo { get; set; }

    public required string EventType { get; set; }

    public required string TriggerReason { get; set; }

    public DateTimeOffset Timestamp { get; set; }

    public bool Offline { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }
}
