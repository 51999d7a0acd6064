using Iskra.Csms.Access;
using Iskra.Csms.Events;
using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Csms.Alarms;

/// <summary>
/// What operators do with alarms, for the API and the console alike: acknowledge (the first acknowledgement stays),
/// note, and open or close a station's maintenance window. Each is audited. Only the columns an operator owns are
/// written, so a repeat counted by the writer at the same moment is not lost.
/// </summary>
public sealed class AlarmDesk(IDbContextFactory<IskraDbContext> contexts, AlarmBook book, AdminAudit audit, CsmsEvents events, TimeProvider time)
{
    public const int MaxNote = 2000;

    /// <summary>Acknowledges alarm <paramref name="id"/> (and sets its note when one is given); null when there is no such alarm.</summary>
    public async Task<Alarm?> AcknowledgeAsync(long id, string actor, string? note, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var alarm = await db.Alarms.FirstOrDefaultAsync(a => a.Id == id, cancellationToken).ConfigureAwait(false);
        if (alarm is null)
        {
            return null;
        }

        var first = alarm.AcknowledgedAt is null;
        if (first)
        {
            alarm.AcknowledgedAt = time.GetUtcNow();
            alarm.AcknowledgedBy = actor;
        }

        if (note is not null)
        {
            alarm.Note = note;
        }

        if (first || note is not null)
        {
            audit.Add(db, actor, AdminActions.AlarmAcknowledged, $"alarm {id}", note is null ? [] : ["note"], alarm.StationId);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        if (first)
        {
            events.AlarmAcknowledged(alarm);
        }

        return alarm;
    }

    /// <summary>Sets (or, with an empty text, removes) the note of alarm <paramref name="id"/>; null when there is no such alarm.</summary>
    public async Task<Alarm?> NoteAsync(long id, string actor, string note, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var alarm = await db.Alarms.FirstOrDefaultAsync(a => a.Id == id, cancellationToken).ConfigureAwait(false);
        if (alarm is null)
        {
            return null;
        }

        alarm.Note = note.Length == 0 ? null : note;
        audit.Add(db, actor, AdminActions.AlarmNoted, $"alarm {id}", ["note"], alarm.StationId);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return alarm;
    }

    /// <summary>The station's maintenance windows that have not ended, soonest first.</summary>
    public async Task<List<AlarmSilence>> WindowsAsync(string stationId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.AlarmSilences.AsNoTracking().Where(s => s.StationId == stationId && s.Until > now).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.OrderBy(s => s.From).ThenBy(s => s.Id)];
    }

    /// <summary>Opens a maintenance window on <paramref name="stationId"/>: alarms opening inside it are silenced.</summary>
    public async Task<AlarmSilence> OpenWindowAsync(string stationId, DateTimeOffset? from, DateTimeOffset until, string? reason, string actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var window = new AlarmSilence { StationId = stationId, From = from ?? now, Until = until, Reason = reason, CreatedBy = actor, CreatedAt = now };
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            db.AlarmSilences.Add(window);
            audit.Add(db, actor, AdminActions.MaintenanceWindowOpened, $"station {stationId}", reason is null ? ["from", "until"] : ["from", "until", "reason"], stationId);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        book.WindowsChanged();
        return window;
    }

    /// <summary>Ends maintenance window <paramref name="id"/> of <paramref name="stationId"/> now; false when there is no such window.</summary>
    public async Task<bool> CloseWindowAsync(string stationId, long id, string actor, CancellationToken cancellationToken)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            var window = await db.AlarmSilences.FirstOrDefaultAsync(s => s.Id == id && s.StationId == stationId, cancellationToken).ConfigureAwait(false);
            if (window is null)
            {
                return false;
            }

            db.AlarmSilences.Remove(window);
            audit.Add(db, actor, AdminActions.MaintenanceWindowClosed, $"station {stationId}", [], stationId);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        book.WindowsChanged();
        return true;
    }
}
