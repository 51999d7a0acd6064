using Iskra.Csms.Alarms;
using Iskra.Csms.Routing;
using Iskra.Csms.Stations;
using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Csms.History;

/// <summary>
/// Reads a station's status history into <see cref="StationTimelines"/> for status durations and availability
/// (docs/history.md): the status rows of the period with, per connector, the last one before it, and the times the station
/// was offline. From the station's first logged connection on, offline time is every gap between its connections (the
/// connection log: <see cref="StationConnectionRecord"/>); before it (a database from before the log), it is the station's
/// StationOffline alarms (opened to cleared) and, for a station never logged, the current outage since it was last seen.
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
        var connectedNow = channels.TryGetChannel(stationId, out _);
        var offline = await db.Alarms.AsNoTracking()
            .Where(a => a.StationId == stationId && a.Kind == AlarmKinds.StationOffline && a.OpenedAt < end && (a.ClearedAt == null || a.ClearedAt > start))
            .Select(a => new TimeRange(a.OpenedAt, a.ClearedAt ?? now))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var logStart = await db.Connections.AsNoTracking().Where(c => c.StationId == stationId)
            .OrderBy(c => c.ConnectedAt).Select(c => (DateTimeOffset?)c.ConnectedAt).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (logStart is { } logged)
        {
            var connections = await db.Connections.AsNoTracking()
                .Where(c => c.StationId == stationId && c.ConnectedAt < end && (c.DisconnectedAt == null || c.DisconnectedAt > start))
                .Select(c => new { c.ConnectedAt, c.DisconnectedAt })
                .ToListAsync(cancellationToken).ConfigureAwait(false);

            // A row left open by a hard stop ends when the station was last seen, unless the station is connected now.
            var online = connections.Select(c => new TimeRange(c.ConnectedAt, c.DisconnectedAt ?? (connectedNow ? now : Latest(station.LastSeen, c.ConnectedAt))));
            offline.AddRange(Gaps(TimeRange.Merge(online, cut), new TimeRange(logged > start ? logged : start, end)));
        }
        else if (!connectedNow)
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

    private static DateTimeOffset Latest(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x > b ? x : b;

    // The parts of <paramref name="within"/> that no range of <paramref name="covered"/> (merged, sorted) covers.
    private static IEnumerable<TimeRange> Gaps(IReadOnlyList<TimeRange> covered, TimeRange within)
    {
        var cursor = within.Start;
        foreach (var range in covered)
        {
            if (range.Start > cursor)
            {
                yield return new TimeRange(cursor, range.Start < within.End ? range.Start : within.End);
            }

            if (range.End > cursor)
            {
                cursor = range.End;
            }
        }

        if (cursor < within.End)
        {
            yield return new TimeRange(cursor, within.End);
        }
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
