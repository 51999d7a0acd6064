using System.Collections.Concurrent;

namespace Iskra.Csms.Alarms.Rules;

/// <summary>
/// Which stations are connected, and since when the others are not: kept in memory for
/// <see cref="StationOfflineRule"/>, updated by the connection handler as connections open and end (no database work).
/// A connection is named by an object of the caller's (its connection), so the end of a connection that a newer one
/// replaced does not mark a connected station offline. Safe from any thread.
/// </summary>
public sealed class StationPresence
{
    private readonly ConcurrentDictionary<string, Entry> _stations = new(StringComparer.Ordinal);

    /// <summary>Stations known: connected now, or connected once and not now.</summary>
    public int Count => _stations.Count;

    /// <summary>
    /// <paramref name="connection"/> of <paramref name="stationId"/> is up. True when an offline alarm was raised for
    /// the station while it was away (the caller clears it); false in the common case, which costs no more.
    /// </summary>
    public bool Connected(string stationId, object connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var alarmed = false;
        _stations.AddOrUpdate(stationId, static (_, c) => new Entry(c, default, default, false), (_, old, c) =>
        {
            alarmed = old.Alarmed;
            return new Entry(c, default, default, false);
        }, connection);
        return alarmed;
    }

    /// <summary><paramref name="connection"/> of <paramref name="stationId"/> ended at <paramref name="at"/>; nothing when a newer connection replaced it.</summary>
    public void Disconnected(string stationId, object connection, DateTimeOffset at)
    {
        while (_stations.TryGetValue(stationId, out var old))
        {
            if (!ReferenceEquals(old.Connection, connection))
            {
                return; // replaced by a newer connection, or already offline
            }

            if (_stations.TryUpdate(stationId, new Entry(null, at, at, false), old))
            {
                return;
            }
        }
    }

    /// <summary>
    /// At start: <paramref name="stationId"/> was connected before (last seen at <paramref name="lastSeen"/>) and has not
    /// connected yet in this run. Its offline time counts from <paramref name="start"/> (Iskra was not watching before),
    /// so a restart does not find every station offline at once; <paramref name="alarmed"/>: its offline alarm is open.
    /// A station that connected meanwhile is left as it is.
    /// </summary>
    public void Seen(string stationId, DateTimeOffset? lastSeen, DateTimeOffset start, bool alarmed)
    {
        var since = lastSeen is { } seen && seen < start ? seen : start;
        _stations.TryAdd(stationId, new Entry(null, since, start, alarmed));
    }

    /// <summary>Whether <paramref name="stationId"/> is offline now (not connected, and known).</summary>
    public bool IsOffline(string stationId) => _stations.TryGetValue(stationId, out var entry) && entry.Connection is null;

    /// <summary>The offline stations, unalarmed, whose offline time has counted since before <paramref name="cutoff"/>.</summary>
    public List<OfflineStation> Due(DateTimeOffset cutoff)
    {
        List<OfflineStation> due = [];
        foreach (var (id, entry) in _stations)
        {
            if (entry is { Connection: null, Alarmed: false } && entry.CountsFrom <= cutoff)
            {
                due.Add(new OfflineStation(id, entry.Since));
            }
        }

        return due;
    }

    /// <summary>Notes that the offline alarm of <paramref name="stationId"/> is open; false when it connected meanwhile.</summary>
    public bool MarkAlarmed(string stationId)
    {
        while (_stations.TryGetValue(stationId, out var old))
        {
            if (old.Connection is not null)
            {
                return false;
            }

            if (old.Alarmed || _stations.TryUpdate(stationId, old with { Alarmed = true }, old))
            {
                return true;
            }
        }

        return false;
    }

    /// <param name="Connection">The open connection; null while offline.</param>
    /// <param name="Since">When it went offline, as far as Iskra knows.</param>
    /// <param name="CountsFrom">From when its offline time counts toward the alarm: <see cref="Since"/>, or Iskra's start.</param>
    private sealed record Entry(object? Connection, DateTimeOffset Since, DateTimeOffset CountsFrom, bool Alarmed);
}

/// <summary>A station offline since <paramref name="Since"/>.</summary>
public readonly record struct OfflineStation(string StationId, DateTimeOffset Since);
