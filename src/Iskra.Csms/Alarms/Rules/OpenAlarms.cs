using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Csms.Alarms.Rules;

/// <summary>What the time rules share: the keys of one kind's open alarms, and opening many alarms in short writes.</summary>
public static class OpenAlarms
{
    /// <summary>How many alarms one write opens, so that a site-wide condition is several short writes.</summary>
    public const int Chunk = 200;

    /// <summary>The keys of the open alarms of <paramref name="kind"/> (alarms (cleared_at, …) serves the filter).</summary>
    public static async Task<List<AlarmKey>> KeysAsync(IskraDbContext db, string kind, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Alarms.AsNoTracking().Where(a => a.ClearedAt == null && a.Kind == kind)
            .Select(a => new { a.StationId, a.EvseId, a.ConnectorId })
            .ToListAsync(ct).ConfigureAwait(false);
        return [.. rows.Select(r => new AlarmKey(r.StationId, r.EvseId, r.ConnectorId, kind))];
    }

    /// <summary>Clears the open alarms of <paramref name="keys"/> in one write (none when the list is empty), and announces them.</summary>
    public static Task ClearAsync(AlarmBook book, List<AlarmKey> keys, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(keys);
        return keys.Count == 0 ? Task.CompletedTask : book.ClearAsync([.. keys], ct);
    }

    /// <summary>Opens (or repeats) the alarm of each signal, <see cref="Chunk"/> per write, and announces them; returns the changes.</summary>
    public static async Task<List<AlarmChange>> RaiseAsync(StorageWriter writer, AlarmBook book, List<AlarmSignal> signals, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(signals);
        List<AlarmChange> all = [];
        for (var i = 0; i < signals.Count; i += Chunk)
        {
            var chunk = signals.GetRange(i, Math.Min(Chunk, signals.Count - i));
            var changes = await writer.WriteAsync((book, chunk, now), static async (db, s, ct) =>
            {
                List<AlarmChange> changes = [];
                foreach (var signal in s.chunk)
                {
                    changes.Add(await s.book.RaiseAsync(db, signal, s.now, ct).ConfigureAwait(false));
                }

                return changes;
            }, ct).ConfigureAwait(false);
            book.Announce(changes);
            all.AddRange(changes);
        }

        return all;
    }
}
