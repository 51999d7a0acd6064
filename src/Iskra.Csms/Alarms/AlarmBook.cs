using Iskra.Csms.Events;
using Iskra.Csms.Notifications;
using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Iskra.Csms.Alarms;

/// <summary>
/// Opens, repeats and clears alarms: at most one open alarm per <see cref="AlarmKey"/>. The rules call it inside the
/// writer's work for the message that raised or ended the condition (same commit), or through
/// <see cref="RaiseAsync(AlarmSignal, CancellationToken)"/> and <see cref="ClearAsync(AlarmKey, CancellationToken)"/>
/// for conditions found by time; <see cref="Announce(AlarmChange?)"/> publishes what changed once it is stored.
/// It keeps the keys of open alarms in memory (touched on the writer's loop only), so that the common case, a station
/// saying all is well, costs a set lookup and no query. The set is rebuilt from the database every
/// <see cref="IndexLifetime"/>, which also heals it after a batch that rolled back.
/// </summary>
public sealed class AlarmBook(StorageWriter writer, CsmsEvents events, AlarmNotifier notifier, IOptionsMonitor<AlarmOptions> options, TimeProvider time)
{
    /// <summary>How long the in-memory set of open keys is trusted before it is read again.</summary>
    public static readonly TimeSpan IndexLifetime = TimeSpan.FromMinutes(5);

    private readonly HashSet<AlarmKey> _open = [];

    /// <summary>The rules' settings as they are now.</summary>
    public AlarmOptions Options => options.CurrentValue;

    /// <summary>Iskra's clock, for the rules.</summary>
    public DateTimeOffset Now => time.GetUtcNow();
    private DateTimeOffset _indexReadAt = DateTimeOffset.MinValue;
    private Dictionary<string, List<(DateTimeOffset From, DateTimeOffset Until)>>? _windows;
    private volatile bool _windowsStale = true;

    /// <summary>Opens the alarm of <paramref name="signal"/>, or counts a repeat of the open one. Call inside writer work.</summary>
    public async ValueTask<AlarmChange> RaiseAsync(IskraDbContext db, AlarmSignal signal, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(signal);
        var open = await FindOpenAsync(db, signal.Key, now, cancellationToken).ConfigureAwait(false);
        if (open is not null)
        {
            open.Count++;
            open.LastSeenAt = now;
            return new AlarmChange(open, AlarmTransition.Repeated);
        }

        var alarm = new Alarm
        {
            StationId = signal.Key.StationId,
            EvseId = signal.Key.EvseId,
            ConnectorId = signal.Key.ConnectorId,
            Kind = signal.Key.Kind,
            Severity = signal.Severity,
            Source = signal.Source,
            Code = Fit(signal.Code, 100),
            Message = Fit(signal.Message, Alarm.MessageLength),
            OpenedAt = now,
            LastSeenAt = now,
            Count = 1,
            Silenced = await IsSilencedAsync(db, signal.Key.StationId, now, cancellationToken).ConfigureAwait(false),
        };
        db.Alarms.Add(alarm);
        _open.Add(signal.Key);
        return new AlarmChange(alarm, AlarmTransition.Opened);
    }

    /// <summary>Clears the open alarm of <paramref name="key"/>, if there is one. Call inside writer work.</summary>
    public async ValueTask<AlarmChange?> ClearAsync(IskraDbContext db, AlarmKey key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var open = await FindOpenAsync(db, key, now, cancellationToken).ConfigureAwait(false);
        if (open is null)
        {
            return null;
        }

        open.ClearedAt = now;
        _open.Remove(key);
        return new AlarmChange(open, AlarmTransition.Cleared);
    }

    /// <summary>Opens or repeats the alarm of <paramref name="signal"/> in its own write, then announces it.</summary>
    public async Task<Alarm> RaiseAsync(AlarmSignal signal, CancellationToken cancellationToken)
    {
        var change = await writer.WriteAsync((book: this, signal, now: time.GetUtcNow()),
            static (db, s, ct) => s.book.RaiseAsync(db, s.signal, s.now, ct), cancellationToken).ConfigureAwait(false);
        Announce(change);
        return change.Alarm;
    }

    /// <summary>Clears the open alarm of <paramref name="key"/> in its own write (nothing when none is open), then announces it.</summary>
    public async Task<Alarm?> ClearAsync(AlarmKey key, CancellationToken cancellationToken)
    {
        var change = await writer.WriteAsync((book: this, key, now: time.GetUtcNow()),
            static (db, s, ct) => s.book.ClearAsync(db, s.key, s.now, ct), cancellationToken).ConfigureAwait(false);
        Announce(change);
        return change?.Alarm;
    }

    /// <summary>Clears the open alarms of <paramref name="keys"/> in one write, then announces them.</summary>
    public async Task ClearAsync(AlarmKey[] keys, CancellationToken cancellationToken)
    {
        var changes = await writer.WriteAsync((book: this, keys, now: time.GetUtcNow()), static async (db, s, ct) =>
        {
            List<AlarmChange>? changes = null;
            foreach (var key in s.keys)
            {
                if (await s.book.ClearAsync(db, key, s.now, ct).ConfigureAwait(false) is { } change)
                {
                    (changes ??= []).Add(change);
                }
            }

            return changes;
        }, cancellationToken).ConfigureAwait(false);
        Announce(changes);
    }

    /// <summary>
    /// Publishes <c>alarm.raised</c> for an opened alarm and <c>alarm.cleared</c> for a cleared one (a repeat is not an event),
    /// and hands the change to the <see cref="AlarmNotifier"/> (which never blocks).
    /// </summary>
    public void Announce(AlarmChange? change)
    {
        if (change is null || change.Transition == AlarmTransition.Repeated)
        {
            return;
        }

        events.AlarmChanged(change.Alarm, change.Transition == AlarmTransition.Opened ? CsmsEventTypes.AlarmRaised : CsmsEventTypes.AlarmCleared);
        notifier.Notify(change.Alarm, change.Transition);
    }

    /// <summary>Announces every change of <paramref name="changes"/>.</summary>
    public void Announce(List<AlarmChange>? changes)
    {
        if (changes is null)
        {
            return;
        }

        foreach (var change in changes)
        {
            Announce(change);
        }
    }

    /// <summary>Maintenance windows changed: read them again before the next alarm opens.</summary>
    public void WindowsChanged() => _windowsStale = true;

    private async ValueTask<Alarm?> FindOpenAsync(IskraDbContext db, AlarmKey key, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var local in db.Alarms.Local)
        {
            if (local.ClearedAt is null && Matches(local, key))
            {
                return local;
            }
        }

        await RefreshIndexAsync(db, now, ct).ConfigureAwait(false);
        if (!_open.Contains(key))
        {
            return null;
        }

        var found = await db.Alarms
            .Where(a => a.StationId == key.StationId && a.Kind == key.Kind && a.ClearedAt == null && a.EvseId == key.EvseId && a.ConnectorId == key.ConnectorId)
            .OrderBy(a => a.Id)
            .FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (found is null)
        {
            _open.Remove(key);
        }

        return found;
    }

    private async ValueTask RefreshIndexAsync(IskraDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        if (now - _indexReadAt < IndexLifetime && now >= _indexReadAt)
        {
            return;
        }

        var keys = await db.Alarms.AsNoTracking().Where(a => a.ClearedAt == null)
            .Select(a => new { a.StationId, a.EvseId, a.ConnectorId, a.Kind })
            .ToListAsync(ct).ConfigureAwait(false);
        _open.Clear();
        foreach (var k in keys)
        {
            _open.Add(new AlarmKey(k.StationId, k.EvseId, k.ConnectorId, k.Kind));
        }

        foreach (var local in db.Alarms.Local)
        {
            if (local.ClearedAt is null)
            {
                _open.Add(new AlarmKey(local.StationId, local.EvseId, local.ConnectorId, local.Kind));
            }
        }

        _indexReadAt = now;
    }

    private async ValueTask<bool> IsSilencedAsync(IskraDbContext db, string stationId, DateTimeOffset now, CancellationToken ct)
    {
        if (_windowsStale || _windows is null)
        {
            _windowsStale = false;
            var rows = await db.AlarmSilences.AsNoTracking().Where(s => s.Until > now).ToListAsync(ct).ConfigureAwait(false);
            _windows = rows.GroupBy(s => s.StationId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(s => (s.From, s.Until)).ToList(), StringComparer.Ordinal);
        }

        return _windows.TryGetValue(stationId, out var list) && list.Exists(w => w.From <= now && now < w.Until);
    }

    private static bool Matches(Alarm alarm, AlarmKey key) =>
        alarm.EvseId == key.EvseId && alarm.ConnectorId == key.ConnectorId
        && string.Equals(alarm.StationId, key.StationId, StringComparison.Ordinal)
        && string.Equals(alarm.Kind, key.Kind, StringComparison.Ordinal);

    private static string Fit(string value, int length) => value.Length <= length ? value : value[..length];
}
