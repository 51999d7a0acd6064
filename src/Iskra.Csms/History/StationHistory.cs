using Iskra.Csms.Alarms;
using Iskra.Csms.Routing;
using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Csms.History;

/// <summary>
/// Reads a station's status history into <see cref="StationTimelines"/> for status durations and availability
/// (docs/history.md): the status rows of the period with, per connector, the last one before it, and the times the station
/// was offline. Iskra keeps no log of connections, so the offline time it knows is that of its StationOffline alarms (opened
/// to cleared; an open one to now) and the current outage: a station not connected now has been offline since it was last
/// seen (since it was registered, if never).
/// </summary>
public sealed class StationHistory(IDbContextFactory<IskraDbContext> contexts, IStationChannels channels, TimeProvider time)
{
    /// <summary>The longest period one read covers.</summary>
    public static readonly TimeSpan MaxPeriod = TimeSpan.FromDays(366);

    /// <summary>The station's timelines over <paramref name="period"/> (cut at now), or null when no such station is registered.</summary>
    public async Task<StationTimelines?> ReadAsync(string stationId, TimeRange period, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var station = await db.Stations.AsNoTracking().Where(s => s.Id == stationId)
            .Select(s => new { s.CreatedAt, s.LastSeen }).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (station is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var cut = new TimeRange(period.Start, period.End < now ? period.End : now);
        if (cut.End < cut.Start)
        {
            cut = cut with { End = cut.Start };
        }

        var (start, end) = (cut.Start, cut.End);
        var offline = await db.Alarms.AsNoTracking()
            .Where(a => a.StationId == stationId && a.Kind == AlarmKinds.StationOffline && a.OpenedAt < end && (a.ClearedAt == null || a.ClearedAt > start))
            .Select(a => new TimeRange(a.OpenedAt, a.ClearedAt ?? now))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (!channels.TryGetChannel(stationId, out _))
        {
            offline.Add(new TimeRange(station.LastSeen ?? station.CreatedAt, now));
        }

        var rows = await StatusRowsAsync(db, stationId, cut, cancellationToken).ConfigureAwait(false);
        var byConnector = rows.GroupBy(r => (r.EvseId, r.ConnectorId))
            .ToDictionary(g => g.Key, g => (IReadOnlyList<StatusChange>)[.. g.OrderBy(r => r.Timestamp).ThenBy(r => r.Id).Select(r => new StatusChange(r.Timestamp, r.Status))]);
        var station0 = byConnector.GetValueOrDefault((0, 0)) ?? [];
        var connectors = byConnector.OrderBy(c => c.Key.EvseId).ThenBy(c => c.Key.ConnectorId)
            .Select(c => new ConnectorTimeline(c.Key.EvseId, c.Key.ConnectorId,
                StatusTimeline.Segments(c.Value, c.Key == (0, 0) ? [] : station0, offline, cut)))
            .ToList();
        return new StationTimelines(stationId, cut, TimeRange.Merge(offline, cut), connectors);
    }

    // The rows of the period, and per connector the last row before it (the status that carries in).
    private static async Task<List<StatusRow>> StatusRowsAsync(IskraDbContext db, string stationId, TimeRange period, CancellationToken cancellationToken)
    {
        var (start, end) = (period.Start, period.End);
        var within = await db.StatusEvents.AsNoTracking()
            .Where(s => s.StationId == stationId && s.Timestamp >= start && s.Timestamp < end)
            .Select(s => new StatusRow(s.Id, s.EvseId, s.ConnectorId, s.Status, s.Timestamp))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var before = await db.StatusEvents.AsNoTracking()
            .Where(s => s.StationId == stationId && s.Timestamp < start)
            .GroupBy(s => new { s.EvseId, s.ConnectorId })
            .Select(g => g.OrderByDescending(s => s.Timestamp).ThenByDescending(s => s.Id)
                .Select(s => new StatusRow(s.Id, s.EvseId, s.ConnectorId, s.Status, s.Timestamp)).First())
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        within.AddRange(before);
        return within;
    }

    private sealed record StatusRow(long Id, int EvseId, int ConnectorId, string Status, DateTimeOffset Timestamp);
}
