using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Csms.Alarms.Rules;

/// <summary>
/// <see cref="AlarmKinds.LogUploadFailed"/>: a DiagnosticsStatusNotification UploadFailed (1.6) or a LogStatusNotification
/// UploadFailure, BadMessage, PermissionDenied or NotSupportedOperation (2.0.1, 1.6 security) opens the station's alarm,
/// and so does the station's latest upload request when it is not Uploaded within <c>Alarms:LogUploadFailed:FinishWithin</c>
/// of being sent (a request whose file reached Iskra's upload URL counts as done). A later Uploaded clears it. A request the
/// station refused, that was never delivered, or that a newer one replaced does not count as unfinished.
/// </summary>
public sealed class LogUploadFailedRule(IDbContextFactory<IskraDbContext> contexts) : ITimedAlarmRule
{
    /// <summary>The failure statuses of 1.6 DiagnosticsStatusNotification and of LogStatusNotification.</summary>
    public static readonly HashSet<string> Failures = new(StringComparer.Ordinal)
    {
        "UploadFailed", "UploadFailure", "BadMessage", "PermissionDenied", "NotSupportedOperation",
    };

    /// <summary>The statuses after which a request is no longer under way: done, failed, refused, replaced, no file, or never delivered.</summary>
    public static readonly string[] Finished =
    [
        "Uploaded", "UploadFailed", "UploadFailure", "BadMessage", "PermissionDenied", "NotSupportedOperation",
        "Rejected", "AcceptedCanceled", "NoFile", "Failed",
    ];

    /// <summary>How far back the check looks for unfinished requests: an older one has been alarmed already.</summary>
    private static readonly TimeSpan Lookback = TimeSpan.FromDays(7);

    /// <summary>Opens or repeats the alarm for a failure status, clears it for Uploaded; null for any other status.</summary>
    public static async ValueTask<AlarmChange?> ApplyAsync(
        AlarmBook book, IskraDbContext db, string stationId, string action, int? requestId, string status, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(book);
        var key = AlarmKey.Station(stationId, AlarmKinds.LogUploadFailed);
        if (status == "Uploaded")
        {
            return await book.ClearAsync(db, key, now, ct).ConfigureAwait(false);
        }

        var options = book.Options.LogUploadFailed;
        if (!options.Enabled || !Failures.Contains(status))
        {
            return null;
        }

        var request = requestId is { } id ? $" (request {id})" : "";
        var what = action == "DiagnosticsStatusNotification" ? "diagnostics" : "log";
        var message = $"{stationId}: the {what} upload{request} failed with {status} at {AlarmText.Time(now)}";
        return await book.RaiseAsync(db, new AlarmSignal(key, options.Severity, action, status, message), now, ct).ConfigureAwait(false);
    }

    /// <summary>Opens the alarm of each station whose latest upload request is overdue, unless the station has one open.</summary>
    public async Task CheckAsync(AlarmBook book, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(book);
        var options = book.Options.LogUploadFailed;
        var within = options.FinishWithin > TimeSpan.Zero ? options.FinishWithin : TimeSpan.FromHours(1);
        if (!options.Enabled)
        {
            return;
        }

        List<AlarmSignal> signals = [];
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            var dueBefore = now - within;
            var since = dueBefore - Lookback;
            var overdue = await db.UploadRequests.AsNoTracking()
                .Where(r => r.CreatedAt <= dueBefore && r.CreatedAt > since && !Finished.Contains(r.Status) && (r.Failure == null || r.Failure != "NotConnected")
                    && !db.StationFiles.Any(f => f.UploadRequestId == r.Id))
                .Select(r => new { r.Id, r.StationId, r.Kind, r.RequestId, r.Status, r.CreatedAt })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            if (overdue.Count == 0)
            {
                return;
            }

            var ids = overdue.Select(r => r.StationId).Distinct().ToList();
            var latest = await db.UploadRequests.AsNoTracking().Where(r => ids.Contains(r.StationId)).GroupBy(r => r.StationId)
                .Select(g => g.Max(r => r.Id)).ToListAsync(cancellationToken).ConfigureAwait(false);
            var open = await db.Alarms.AsNoTracking().Where(a => a.ClearedAt == null && a.Kind == AlarmKinds.LogUploadFailed && ids.Contains(a.StationId))
                .Select(a => a.StationId).ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var r in overdue.Where(r => latest.Contains(r.Id) && !open.Contains(r.StationId)))
            {
                var request = r.RequestId is { } id ? $" (request {id})" : "";
                var message = $"{r.StationId}: the {r.Kind} upload{request} requested at {AlarmText.Time(r.CreatedAt)} has not finished within "
                    + $"{AlarmText.Duration(within)} (still {r.Status})";
                signals.Add(AlarmSignal.Iskra(AlarmKey.Station(r.StationId, AlarmKinds.LogUploadFailed), options.Severity, message));
            }
        }

        foreach (var signal in signals)
        {
            await book.RaiseAsync(signal, cancellationToken).ConfigureAwait(false);
        }
    }
}
