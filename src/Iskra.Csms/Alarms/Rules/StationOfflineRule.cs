using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Csms.Alarms.Rules;

/// <summary>
/// <see cref="AlarmKinds.StationOffline"/>: a station that was connected and has been disconnected longer than
/// <c>Alarms:StationOffline:After</c> opens its alarm ("CP-017 has been offline since 2026-12-07 14:02 UTC"); connecting
/// again clears it (<see cref="ClearOnConnectAsync"/>, from the connection handler). Who is offline since when is kept in
/// memory (<see cref="StationPresence"/>), so a check is a scan of that dictionary and no query. At start, the stations
/// that connected before (<c>LastConnectedAt</c> set) count as offline since their last-seen time, but their time toward
/// the alarm runs from Iskra's start: after a restart every station gets <c>After</c> to come back.
/// </summary>
public sealed class StationOfflineRule(StationPresence presence, StorageWriter writer, IDbContextFactory<IskraDbContext> contexts) : ITimedAlarmRule
{
    private bool _seeded;

    public async Task CheckAsync(AlarmBook book, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(book);
        if (!_seeded)
        {
            var open = await SeedAsync(now, cancellationToken).ConfigureAwait(false);
            _seeded = true;

            // Alarms left open by the last run for stations that are connected now (or gone): their condition is over.
            await OpenAlarms.ClearAsync(book, [.. open.Where(id => !presence.IsOffline(id)).Select(Key)], cancellationToken).ConfigureAwait(false);
        }

        var options = book.Options.StationOffline;
        if (!options.Enabled)
        {
            return;
        }

        var due = presence.Due(now - options.After);
        for (var i = 0; i < due.Count; i += OpenAlarms.Chunk)
        {
            var chunk = due.GetRange(i, Math.Min(OpenAlarms.Chunk, due.Count - i));
            var changes = await writer.WriteAsync((book, presence, chunk, options.Severity, now), static async (db, s, ct) =>
            {
                List<AlarmChange> changes = [];
                foreach (var station in s.chunk)
                {
                    // Checked again on the writer's loop: a connection that opened meanwhile queued its clear behind this.
                    if (s.presence.IsOffline(station.StationId))
                    {
                        changes.Add(await s.book.RaiseAsync(db, Signal(station, s.Severity), s.now, ct).ConfigureAwait(false));
                    }
                }

                return changes;
            }, cancellationToken).ConfigureAwait(false);
            foreach (var change in changes)
            {
                presence.MarkAlarmed(change.Alarm.StationId);
            }

            book.Announce(changes);
        }
    }

    /// <summary>The station's connection opened: clears its offline alarm when one was raised (no work otherwise).</summary>
    public static async ValueTask ClearOnConnectAsync(StationPresence presence, AlarmBook book, string stationId, object connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(presence);
        ArgumentNullException.ThrowIfNull(book);
        if (presence.Connected(stationId, connection))
        {
            await book.ClearAsync(Key(stationId), cancellationToken).ConfigureAwait(false);
        }
    }

    public static AlarmKey Key(string stationId) => AlarmKey.Station(stationId, AlarmKinds.StationOffline);

    /// <summary>The alarm of a station offline since <see cref="OfflineStation.Since"/>.</summary>
    public static AlarmSignal Signal(OfflineStation station, string severity) =>
        AlarmSignal.Iskra(Key(station.StationId), severity, $"{station.StationId} has been offline since {AlarmText.Time(station.Since)}");

    /// <summary>Fills <see cref="StationPresence"/> with the stations seen before; returns the stations whose offline alarm is open.</summary>
    private async Task<HashSet<string>> SeedAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        var alarmed = (await db.Alarms.AsNoTracking().Where(a => a.ClearedAt == null && a.Kind == AlarmKinds.StationOffline)
            .Select(a => a.StationId).ToListAsync(ct).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        var seen = db.Stations.AsNoTracking().Where(s => s.LastConnectedAt != null).Select(s => new { s.Id, s.LastSeen }).AsAsyncEnumerable();
        await foreach (var station in seen.WithCancellation(ct).ConfigureAwait(false))
        {
            presence.Seen(station.Id, station.LastSeen, now, alarmed.Contains(station.Id));
        }

        return alarmed;
    }
}
