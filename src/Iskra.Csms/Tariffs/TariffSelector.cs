using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Csms.Tariffs;

/// <summary>
/// Chooses the tariff of a new session from the tariffs in force (kept in memory, reloaded after a change).
/// Of the tariffs whose assignment covers the session, the most specific wins, compared in this order:
/// 1. a card group it names (a fleet's contract price) over none;
/// 2. the station by its id, over a prefix group of stations (the longer prefix first), over all stations;
/// 3. the connector's type named over none;
/// 4. then the lowest tariff id, so the choice never depends on chance.
/// A tariff that names card groups or connector types the session does not match does not apply.
/// </summary>
public sealed class TariffSelector(IDbContextFactory<IskraDbContext> contexts)
{
    private IReadOnlyList<ActiveTariff>? _active;
    private long _generation;

    /// <summary>Drops the tariffs in memory: the next session reads them again.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        Volatile.Write(ref _active, null);
    }

    /// <summary>The tariff for a session starting now; null when none applies (the session is not priced).</summary>
    public async ValueTask<TariffChoice?> SelectAsync(string stationId, string? idTag, string? idTagGroup, string? connectorType, CancellationToken cancellationToken)
    {
        var active = Volatile.Read(ref _active) ?? await LoadAsync(cancellationToken).ConfigureAwait(false);
        return Select(active, stationId, idTag, idTagGroup, connectorType);
    }

    /// <summary>
    /// The type of a session's connector as the station reported it in its device model (2.0.1 Connector
    /// component, ConnectorType variable); only read while some tariff is assigned by connector type.
    /// </summary>
    public async ValueTask<string?> ConnectorTypeAsync(IskraDbContext db, string stationId, int evseId, int connectorId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var active = Volatile.Read(ref _active) ?? await LoadAsync(cancellationToken).ConfigureAwait(false);
        if (!active.Any(t => t.Assignment.ConnectorTypes is { Count: > 0 }))
        {
            return null;
        }

        return await db.DeviceModel.AsNoTracking()
            .Where(v => v.StationId == stationId && v.Component == "Connector" && v.EvseId == evseId && v.ConnectorId == connectorId
                && v.Variable == "ConnectorType" && v.AttributeType == "Actual")
            .Select(v => v.Value).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The rule itself, on a given list of tariffs.</summary>
    public static TariffChoice? Select(IReadOnlyList<ActiveTariff> tariffs, string stationId, string? idTag, string? idTagGroup, string? connectorType)
    {
        ArgumentNullException.ThrowIfNull(tariffs);
        ActiveTariff? best = null;
        (int Card, int Station, int Connector) bestRank = default;
        foreach (var t in tariffs)
        {
            if (Rank(t.Assignment, stationId, idTag, idTagGroup, connectorType) is not { } rank)
            {
                continue;
            }

            if (best is null || rank.CompareTo(bestRank) > 0 || (rank == bestRank && string.CompareOrdinal(t.Id, best.Id) < 0))
            {
                (best, bestRank) = (t, rank);
            }
        }

        return best is null ? null : new TariffChoice(best.Id, best.Version, best.Definition);
    }

    private static (int Card, int Station, int Connector)? Rank(TariffAssignment a, string stationId, string? idTag, string? idTagGroup, string? connectorType)
    {
        var card = 0;
        if (a.IdTagGroups is { Count: > 0 } groups)
        {
            var member = (idTagGroup is not null && groups.Contains(idTagGroup, StringComparer.Ordinal))
                || (idTag is not null && groups.Contains(idTag, StringComparer.Ordinal));
            if (!member)
            {
                return null;
            }

            card = 1;
        }

        var station = -1;
        foreach (var s in a.Stations ?? [])
        {
            if (s.EndsWith('*') ? stationId.StartsWith(s.AsSpan(0, s.Length - 1), StringComparison.Ordinal) : s == stationId)
            {
                // Exact beats any prefix; a longer prefix beats a shorter one.
                station = Math.Max(station, s.EndsWith('*') ? s.Length : int.MaxValue);
            }
        }

        if (station < 0)
        {
            if (!a.AllStations)
            {
                return null;
            }

            station = 0;
        }

        var connector = 0;
        if (a.ConnectorTypes is { Count: > 0 } types)
        {
            if (connectorType is null || !types.Contains(connectorType, StringComparer.Ordinal))
            {
                return null;
            }

            connector = 1;
        }

        return (card, station, connector);
    }

    private async Task<IReadOnlyList<ActiveTariff>> LoadAsync(CancellationToken cancellationToken)
    {
        var generation = Interlocked.Read(ref _generation);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.Tariffs.AsNoTracking().Where(t => t.DeletedAt == null).ToListAsync(cancellationToken).ConfigureAwait(false);
        IReadOnlyList<ActiveTariff> active = [.. rows.Select(t => new ActiveTariff(t.Id, t.Version, TariffService.Definition(t.DefinitionJson), TariffService.Assignment(t.AssignmentJson)))];
        if (Interlocked.Read(ref _generation) == generation)
        {
            Interlocked.CompareExchange(ref _active, active, null);
        }

        return active;
    }
}
