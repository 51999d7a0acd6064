using Iskra.Csms.Events;
using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Csms.Firmware;

/// <summary>
/// Firmware updates sent to stations and the statuses they report. 2.0.1 notifications name their
/// request by requestId; 1.6 ones have none and belong to the station's latest 1.6 update (a 1.6
/// station runs one update at a time, §5.19).
/// </summary>
public sealed class FirmwareUpdates(IDbContextFactory<IskraDbContext> contexts, StorageWriter writer, CsmsEvents events, TimeProvider time)
{
    /// <summary>Stores a new update in status <c>Sent</c>; with <paramref name="withRequestId"/> (2.0.1) its requestId is its row id.</summary>
    public async Task<FirmwareUpdate> CreateAsync(FirmwareUpdate update, bool withRequestId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        var now = time.GetUtcNow();
        update.CreatedAt = now;
        update.UpdatedAt = now;
        update.History.Add(new FirmwareUpdateStatus { Status = update.Status, At = now });
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        db.FirmwareUpdates.Add(update);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        if (withRequestId)
        {
            update.RequestId = checked((int)update.Id);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        return update;
    }

    /// <summary>
    /// The station's answer to UpdateFirmware. A station may report progress before its answer is
    /// stored (it acts at once, and may even send the notification before its answer); then the
    /// reported status stays, and the answer joins the history at the time of the first report,
    /// before it: the station accepted the update before it worked on it.
    /// </summary>
    public async Task AnsweredAsync(long id, string status, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var update = await db.FirmwareUpdates.FirstOrDefaultAsync(u => u.Id == id, cancellationToken).ConfigureAwait(false);
        if (update is null)
        {
            return;
        }

        var now = time.GetUtcNow();
        if (update.Status == "Sent")
        {
            Apply(db, update, status, now, reported: false);
        }
        else
        {
            var reports = await db.FirmwareUpdateStatuses.Where(h => h.FirmwareUpdateId == id && h.Reported)
                .Select(h => h.At).ToListAsync(cancellationToken).ConfigureAwait(false);
            var at = reports.Count == 0 || reports.Min() > now ? now : reports.Min();
            db.FirmwareUpdateStatuses.Add(new FirmwareUpdateStatus { FirmwareUpdateId = update.Id, Status = status, At = at });
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The UpdateFirmware call got no answer (<see cref="RemoteControl.StationCommand.FailedAsync"/>); an update the station already reported on keeps its status.</summary>
    public async Task FailedAsync(long id, string outcome, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var update = await db.FirmwareUpdates.FirstOrDefaultAsync(u => u.Id == id && u.Status == "Sent", cancellationToken).ConfigureAwait(false);
        if (update is not null)
        {
            update.Failure = outcome;
            Apply(db, update, RemoteControl.StationCommand.FailureStatus(outcome), time.GetUtcNow(), reported: false);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A FirmwareStatusNotification, announced as <c>firmware.status</c> once stored. Idle ("no update in
    /// progress", e.g. when triggered) changes no update.
    /// </summary>
    public async Task StatusAsync(string stationId, int? requestId, string status, CancellationToken cancellationToken)
    {
        if (status == "Idle")
        {
            Unmatched(stationId, requestId, status);
            return;
        }

        var updateId = await writer.WriteAsync((stationId, requestId, status, now: time.GetUtcNow()), static async (db, s, ct) =>
        {
            var query = db.FirmwareUpdates.Where(u => u.StationId == s.stationId);
            // 1.6: the latest update the station did not refuse with a CALLERROR.
            query = s.requestId is { } id ? query.Where(u => u.RequestId == id) : query.Where(u => u.RequestId == null && u.Status != "Failed");
            var update = await query.OrderByDescending(u => u.Id).FirstOrDefaultAsync(ct).ConfigureAwait(false);
            if (update is not null)
            {
                Apply(db, update, s.status, s.now, reported: true);
            }

            return update?.Id;
        }, cancellationToken).ConfigureAwait(false);
        events.FirmwareStatus(stationId, status, requestId, updateId);
    }

    /// <summary>A FirmwareStatusNotification that belongs to no update (a triggered one without requestId): only announced.</summary>
    public void Unmatched(string stationId, int? requestId, string status) => events.FirmwareStatus(stationId, status, requestId, null);

    private static void Apply(IskraDbContext db, FirmwareUpdate update, string status, DateTimeOffset at, bool reported)
    {
        update.Status = status;
        update.UpdatedAt = at;
        db.FirmwareUpdateStatuses.Add(new FirmwareUpdateStatus { FirmwareUpdateId = update.Id, Status = status, At = at, Reported = reported });
    }
}
