namespace Iskra.Csms.Transactions;

/// <summary>A 1.6 StopTransaction with its transactionData.</summary>
public sealed record StopTransactionInput(
    int TransactionId,
    string? IdTag,
    int MeterStopWh,
    DateTimeOffset Timestamp,
    string? Reason,
    IReadOnlyList<MeterReading> TransactionData);
