using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Csms.Alarms.Rules;

/// <summary>
/// Clears the alarms of conditions that are events, not states (<see cref="AlarmKinds.SecurityEvent"/>,
/// <see cref="AlarmKinds.ConnectionFlipFlop"/>, <see cref="AlarmKinds.RemoteStartWithoutSession"/>): nothing reports
/// their end, so an alarm clears once it has not repeated for its kind's <c>Alarms:&lt;Kind&gt;:ClearAfter</c>
/// (<see cref="Alarm.LastSeenAt"/> older than that). A kind with no <c>ClearAfter</c> (zero) stays open until handled otherwise.
/// </summary>
public sealed class QuietAlarms(StorageWriter writer, IDbContextFactory<IskraDbContext> contexts) : ITimedAlarmRule
{
    public async Task CheckAsync(AlarmBook book, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(book);
        var options = book.Options;
        (string Kind, TimeSpan ClearAfter)[] kinds =
        [
            (AlarmKinds.SecurityEvent, options.SecurityEvent.ClearAfter),
            (AlarmKinds.ConnectionFlipFlop, options.ConnectionFlipFlop.ClearAfter),
            (AlarmKinds.RemoteStartWithoutSession, options.RemoteStartWithoutSession.ClearAfter),
        ];
        List<(long Id, DateTimeOffset Cutoff)> quiet = [];
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var (kind, clearAfter) in kinds)
            {
                if (clearAfter <= TimeSpan.Zero)
                {
                    continue;
                }

                var cutoff = now - clearAfter;
                var ids = await db.Alarms.AsNoTracking().Where(a => a.ClearedAt == null && a.Kind == kind && a.LastSeenAt < cutoff)
                    .Select(a => a.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
                quiet.AddRange(ids.Select(id => (id, cutoff)));
            }
        }

        for (var i = 0; i < quiet.Count; i += OpenAlarms.Chunk)
        {
            var chunk = quiet.GetRange(i, Math.Min(OpenAlarms.Chunk, quiet.Count - i));
            var changes = await writer.WriteAsync((book, chunk, now), static async (db, s, ct) =>
            {
                List<AlarmChange> changes = [];
                foreach (var (id, cutoff) in s.chunk)
                {
                    // Read again on the writer's loop: a repeat queued before this write keeps the alarm open.
                    var alarm = await db.Alarms.FirstOrDefaultAsync(a => a.Id == id, ct).ConfigureAwait(false);
                    if (alarm is { ClearedAt: null } && alarm.LastSeenAt < cutoff
                        && await s.book.ClearAsync(db, new AlarmKey(alarm.StationId, alarm.EvseId, alarm.ConnectorId, alarm.Kind), s.now, ct).ConfigureAwait(false) is { } change)
                    {
                        changes.Add(change);
                    }
                }

                return changes;
            }, cancellationToken).ConfigureAwait(false);
            book.Announce(changes);
        }
    }
}
