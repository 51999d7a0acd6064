using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Iskra.Csms.Routing;

/// <summary>
/// Which stations are claimed (<see cref="IStationClaim"/>), by station id, so that a claim outlives
/// the station's reconnects (a reset, a power cycle). At most one claim per station. The per-message
/// check costs one volatile read while nothing is claimed.
/// </summary>
public sealed class StationClaims
{
    private readonly ConcurrentDictionary<string, IStationClaim> _claims = new(StringComparer.Ordinal);
    private int _count;

    /// <summary>Claims <paramref name="stationId"/> for <paramref name="claim"/>; false with the holder when it is claimed already.</summary>
    public bool TryClaim(string stationId, IStationClaim claim, [NotNullWhen(false)] out IStationClaim? holder)
    {
        ArgumentNullException.ThrowIfNull(claim);
        if (_claims.TryAdd(stationId, claim))
        {
            Interlocked.Increment(ref _count);
            holder = null;
            return true;
        }

        holder = _claims.GetValueOrDefault(stationId) ?? claim; // released meanwhile: the caller may retry
        return false;
    }

    /// <summary>Hands the station back to normal routing, if <paramref name="claim"/> still holds it.</summary>
    public void Release(string stationId, IStationClaim claim)
    {
        if (_claims.TryRemove(new KeyValuePair<string, IStationClaim>(stationId, claim)))
        {
            Interlocked.Decrement(ref _count);
        }
    }

    /// <summary>The claim on <paramref name="stationId"/>, or null.</summary>
    public IStationClaim? Find(string stationId) =>
        Volatile.Read(ref _count) == 0 ? null : _claims.GetValueOrDefault(stationId);

    /// <summary>The claimed station ids, at the moment of the call.</summary>
    public IReadOnlyCollection<string> StationIds => [.. _claims.Keys];
}
