using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Csms.Alarms.Rules;

/// <summary>
/// <see cref="AlarmKinds.FirmwareUpdateFailed"/>: a (Signed)FirmwareStatusNotification with a failure status
/// (<see cref="Failures"/>) opens the station's alarm, and so does the station's latest update when it has not finished
/// within <c>Alarms:FirmwareUpdateFailed:FinishWithin</c> of when it was due (the latest of its sending, its retrieve date
/// and its install date). A status Installed clears it. An update the station refused, that was never delivered, or that a
/// newer one replaced does not count as unfinished.
/// </summary>
public sealed class FirmwareUpdateFailedRule(IDbContextFactory<IskraDbContext> contexts) : ITimedAlarmRule
{
    /// <summary>The failure statuses of 1.6 FirmwareStatusNotification and 2.0.1 / 1.6 security SignedFirmwareStatusNotification.</summary>
    public static readonly HashSet<string> Failures = new(StringComparer.Ordinal)
    {
        "DownloadFailed", "InstallationFailed", "InstallVerificationFailed", "InvalidSignature",
    };

    /// <summary>The statuses after which an update is no longer under way: done, failed, refused by the station, replaced, or never delivered.</summary>
    public static readonly string[] Finished =
    [
        "Installed", "DownloadFailed", "InstallationFailed", "InstallVerificationFailed", "InvalidSignature",
        "Rejected", "AcceptedCanceled", "InvalidCertificate", "RevokedCertificate", "Failed",
    ];

    /// <summary>How far back the check looks for unfinished updates: an older one has been alarmed already.</summary>
    private static readonly TimeSpan Lookback = TimeSpan.FromDays(7);

    /// <summary>Opens or repeats the alarm for a failure status, clears it for Installed; null for any other status.</summary>
    public static async ValueTask<AlarmChange?> ApplyAsync(
        AlarmBook book, IskraDbContext db, string stationId, int? requestId, string status, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(book);
        var key = AlarmKey.Station(stationId, AlarmKinds.FirmwareUpdateFailed);
        if (status == "Installed")
        {
            return await book.ClearAsync(db, key, now, ct).ConfigureAwait(false);
        }

        var options = book.Options.FirmwareUpdateFailed;
        if (!options.Enabled || !Failures.Contains(status))
        {
            return null;
        }

        var request = requestId is { } id ? $" (request {id})" : "";
        var message = $"{stationId}: the firmware update{request} failed with {status} at {AlarmText.Time(now)}";
        return await book.RaiseAsync(db, new AlarmSignal(key, options.Severity, "FirmwareStatusNotification", status, message), now, ct).ConfigureAwait(false);
    }

    /// <summary>Opens the alarm of each station whose latest update is overdue, unless the station has one open.</summary>
    public async Task CheckAsync(AlarmBook book, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(book);
        var options = book.Options.FirmwareUpdateFailed;
        var within = options.FinishWithin > TimeSpan.Zero ? options.FinishWithin : TimeSpan.FromHours(2);
        if (!options.Enabled)
        {
            return;
        }

        List<AlarmSignal> signals = [];
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            var dueBefore = now - within;
            var since = dueBefore - Lookback;
            var unfinished = await db.FirmwareUpdates.AsNoTracking()
                .Where(u => u.CreatedAt <= dueBefore && u.CreatedAt > since && !Finished.Contains(u.Status) && (u.Failure == null || u.Failure != "NotConnected"))
                .Select(u => new { u.Id, u.StationId, u.RequestId, u.Status, u.CreatedAt, u.RetrieveDate, u.InstallDate })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var overdue = unfinished.Where(u => Max(u.CreatedAt, u.RetrieveDate, u.InstallDate) <= dueBefore).ToList();
            if (overdue.Count == 0)
            {
                return;
            }

            var ids = overdue.Select(u => u.StationId).Distinct().ToList();
            var latest = await db.FirmwareUpdates.AsNoTracking().Where(u => ids.Contains(u.StationId)).GroupBy(u => u.StationId)
                .Select(g => g.Max(u => u.Id)).ToListAsync(cancellationToken).ConfigureAwait(false);
            var open = await db.Alarms.AsNoTracking().Where(a => a.ClearedAt == null && a.Kind == AlarmKinds.FirmwareUpdateFailed && ids.Contains(a.StationId))
                .Select(a => a.StationId).ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var u in overdue.Where(u => latest.Contains(u.Id) && !open.Contains(u.StationId)))
            {
                var request = u.RequestId is { } id ? $" (request {id})" : "";
                var message = $"{u.StationId}: the firmware update{request} sent at {AlarmText.Time(u.CreatedAt)} has not finished within "
                    + $"{AlarmText.Duration(within)} (still {u.Status})";
                signals.Add(AlarmSignal.Iskra(AlarmKey.Station(u.StationId, AlarmKinds.FirmwareUpdateFailed), options.Severity, message));
            }
        }

        foreach (var signal in signals)
        {
            await book.RaiseAsync(signal, cancellationToken).ConfigureAwait(false);
        }
    }

    private static DateTimeOffset Max(DateTimeOffset created, DateTimeOffset retrieve, DateTimeOffset? install)
    {
        var due = retrieve > created ? retrieve : created;
        return install is { } i && i > due ? i : due;
    }
}
