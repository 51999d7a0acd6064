namespace Iskra.Simulator.Authorization;

/// <summary>
/// The station's own knowledge of id tags: the local authorization list the CSMS sends (with its
/// version) and the authorization cache of recent answers (1.6 §3.4/§3.5, 2.0.1 C13/D01).
/// </summary>
public sealed class LocalAuthorization
{
    private readonly Dictionary<string, IdTagEntry> _list = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IdTagEntry> _cache = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>The local list's version; 0 when it is empty or was never sent.</summary>
    public int ListVersion { get; private set; }

    public IReadOnlyList<IdTagEntry> List
    {
        get
        {
            lock (_lock)
            {
                return [.. _list.Values];
            }
        }
    }

    public int CacheCount
    {
        get
        {
            lock (_lock)
            {
                return _cache.Count;
            }
        }
    }

    /// <summary>What the list, then the cache, says of <paramref name="idTag"/> now; null when neither knows it.</summary>
    public IdTagEntry? Lookup(string idTag, DateTimeOffset now, bool useList, bool useCache)
    {
        lock (_lock)
        {
            if (useList && _list.TryGetValue(idTag, out var listed))
            {
                return Current(listed, now);
            }

            return useCache && _cache.TryGetValue(idTag, out var cached) ? Current(cached, now) : null;
        }
    }

    /// <summary>Remembers the CSMS's answer for an id tag.</summary>
    public void Remember(IdTagEntry entry)
    {
        lock (_lock)
        {
            _cache[entry.IdTag] = entry;
        }
    }

    public void ClearCache()
    {
        lock (_lock)
        {
            _cache.Clear();
        }
    }

    /// <summary>Replaces the whole list (a Full update, 1.6 §5.15) or applies a Differential one; a null status removes.</summary>
    public void Update(int version, bool full, IEnumerable<(string IdTag, IdTagEntry? Entry)> entries)
    {
        lock (_lock)
        {
            if (full)
            {
                _list.Clear();
            }

            foreach (var (idTag, entry) in entries)
            {
                if (entry is null)
                {
                    _list.Remove(idTag);
                }
                else
                {
                    _list[idTag] = entry;
                }
            }

            ListVersion = version;
        }
    }

    /// <summary>Forgets an id tag in the list (the version stays) and the cache (2.0.1 N10 clear customer information); true when either held it.</summary>
    public bool Forget(string idTag)
    {
        lock (_lock)
        {
            return _list.Remove(idTag) | _cache.Remove(idTag);
        }
    }

    private static IdTagEntry Current(IdTagEntry entry, DateTimeOffset now) =>
        entry.Status == "Accepted" && entry.ExpiresAt is { } expiry && expiry <= now ? entry with { Status = "Expired" } : entry;
}

/// <summary>An id tag with its status (the 1.6 AuthorizationStatus spelling), expiry and parent.</summary>
public sealed record IdTagEntry(string IdTag, string Status, DateTimeOffset? ExpiresAt = null, string? ParentIdTag = null);
