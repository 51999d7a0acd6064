using Iskra.Csms.Transactions;

namespace Iskra.Csms.Storage;

/// <summary>
/// The storage writer's copies of open transactions, as it last committed them. The hot messages
/// (meter values, transaction events, stops) each start from their transaction; with thousands of
/// stations the row is rarely still tracked, and reading it was a database round trip inside the one
/// writer. Only the writer changes transactions (decision 002), so its own last committed state is
/// the stored state. A batch takes a copy out and attaches it; only a committed batch puts copies
/// back (new ones, since the batch's objects are handed to callers), and a failed batch loses what
/// it took, so a retry reads the database. Used by the writer's loop only: no locking.
/// </summary>
internal sealed class OpenTransactions
{
    /// <summary>Beyond this many (transactions that never got their stop), the copies are dropped and re-read as needed.</summary>
    public const int Capacity = 100_000;

    private readonly Dictionary<(string StationId, string TransactionId), ChargingTransaction> _copies = [];

    public int Count => _copies.Count;

    public ChargingTransaction? Take(string stationId, string transactionId) =>
        _copies.Remove((stationId, transactionId), out var copy) ? copy : null;

    /// <summary>Keeps copies of a committed batch's transactions that are still open; forgets the stopped ones.</summary>
    public void Committed(WriterBatch batch)
    {
        foreach (var (key, tx) in batch.Transactions)
        {
            if (tx.StoppedAt is null && tx.Id > 0)
            {
                _copies[key] = tx.Copy();
            }
            else
            {
                _copies.Remove(key);
            }
        }

        if (_copies.Count > Capacity)
        {
            _copies.Clear();
        }
    }
}
