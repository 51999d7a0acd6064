using Iskra.Simulator.Model;

namespace Iskra.Simulator.SmartCharging;

/// <summary>
/// The charging profiles installed on a station, and the TxProfiles of remote starts waiting for their
/// transaction. Changed only under the station's lock; readers get copies.
/// </summary>
public sealed class ChargingProfileStore
{
    private readonly List<ChargingProfile> _profiles = [];
    private readonly List<PendingTxProfile> _pending = [];
    private readonly Lock _lock = new();

    public IReadOnlyList<ChargingProfile> Profiles
    {
        get
        {
            lock (_lock)
            {
                return [.. _profiles];
            }
        }
    }

    /// <summary>
    /// Installs <paramref name="profile"/>: a profile with the same id is replaced (1.6 §5.16.3, 2.0.1 K01.FR.05).
    /// One with the same stack level and purpose on the same connector (and transaction) is replaced on 1.6
    /// (§3.13.2) and, when its validity overlaps, makes the new one rejected on 2.0.1 (K01.FR.06).
    /// </summary>
    /// <returns>False when rejected: a clash on 2.0.1, or <paramref name="maxInstalled"/> profiles already there.</returns>
    public bool Install(ChargingProfile profile, bool replaceSameStackLevel, int maxInstalled)
    {
        ArgumentNullException.ThrowIfNull(profile);
        lock (_lock)
        {
            bool SameSlot(ChargingProfile p) => p.Id != profile.Id && p.StackLevel == profile.StackLevel
                && p.Purpose == profile.Purpose && p.ConnectorId == profile.ConnectorId && p.TransactionId == profile.TransactionId;
            if (!replaceSameStackLevel && _profiles.Any(p => SameSlot(p) && Overlap(p, profile)))
            {
                return false;
            }

            var kept = _profiles.Where(p => p.Id != profile.Id && !(replaceSameStackLevel && SameSlot(p))).ToList();
            if (kept.Count >= maxInstalled)
            {
                return false;
            }

            _profiles.Clear();
            _profiles.AddRange(kept);
            _profiles.Add(profile);
            return true;
        }
    }

    /// <summary>Removes every profile that matches; returns how many.</summary>
    public int Clear(Func<ChargingProfile, bool> match)
    {
        lock (_lock)
        {
            return _profiles.RemoveAll(p => match(p));
        }
    }

    /// <summary>Keeps a remote start's TxProfile until its transaction starts.</summary>
    public void AwaitTransaction(PendingTxProfile pending)
    {
        lock (_lock)
        {
            _pending.Add(pending);
        }
    }

    public void Forget(PendingTxProfile pending)
    {
        lock (_lock)
        {
            _pending.Remove(pending);
        }
    }

    /// <summary>Takes the waiting TxProfile of the remote start that began <paramref name="session"/>, if any.</summary>
    public PendingTxProfile? TakeFor(Connector connector, ChargingSession session)
    {
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(session);
        lock (_lock)
        {
            var match = _pending.FirstOrDefault(p => string.Equals(p.IdTag, session.IdTag, StringComparison.OrdinalIgnoreCase)
                && session.StartedAt >= p.Since
                && (p.ConnectorId is not { } id || id == connector.Id)
                && (p.RemoteStartId is not { } remoteStartId || remoteStartId == session.RemoteStartId));
            if (match is not null)
            {
                _pending.Remove(match);
            }

            return match;
        }
    }

    /// <summary>Drops waiting TxProfiles older than <paramref name="before"/> (their remote start never began a transaction).</summary>
    public void ExpirePending(DateTimeOffset before)
    {
        lock (_lock)
        {
            _pending.RemoveAll(p => p.Since < before);
        }
    }

    private static bool Overlap(ChargingProfile a, ChargingProfile b) =>
        (a.ValidTo is not { } aTo || b.ValidFrom is not { } bFrom || bFrom < aTo)
        && (b.ValidTo is not { } bTo || a.ValidFrom is not { } aFrom || aFrom < bTo);
}
