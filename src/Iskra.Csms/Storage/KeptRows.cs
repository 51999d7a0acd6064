namespace Iskra.Csms.Storage;

/// <summary>
/// The storage writer's copies of hot rows (open transactions, connectors) as it last committed them.
/// The hot messages each start from such a row; with thousands of stations it is rarely still
/// tracked, and reading it was a database round trip inside the one writer. Only the writer changes
/// these rows' columns that it keeps (decision 002), so its own last committed state is the stored
/// state. A batch takes a copy out and attaches it; only a committed batch puts copies back (new
/// ones, since the batch's objects are handed to callers), so a failed batch loses what it took and
/// its retry reads the database. Used by the writer's loop only: no locking.
/// </summary>
internal sealed class KeptRows<TKey, T>(Func<T, bool> keep, Func<T, T> copy, int capacity)
    where TKey : notnull
    where T : class
{
    private readonly Dictionary<TKey, T> _copies = [];

    public int Count => _copies.Count;

    public T? Take(TKey key) => _copies.Remove(key, out var row) ? row : null;

    /// <summary>Keeps copies of a committed batch's rows that <c>keep</c> accepts and forgets the others.</summary>
    public void Committed(Dictionary<TKey, T> rows)
    {
        foreach (var (key, row) in rows)
        {
            if (keep(row))
            {
                _copies[key] = copy(row);
            }
            else
            {
                _copies.Remove(key);
            }
        }

        if (_copies.Count > capacity)
        {
            _copies.Clear(); // rows that never closed (a transaction without its stop): re-read as needed
        }
    }
}
