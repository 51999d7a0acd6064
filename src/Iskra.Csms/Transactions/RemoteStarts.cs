using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Csms.Transactions;

/// <summary>Allocating remoteStartIds and linking a 1.6 StartTransaction to the remote start that caused it.</summary>
public static class RemoteStarts
{
    /// <summary>How long after a remote start a 1.6 StartTransaction of the same idTag on the same connector is taken as its result.</summary>
    public static readonly TimeSpan LinkWindow = TimeSpan.FromMinutes(5);

    /// <summary>The idTag of this station's remote start <paramref name="remoteStartId"/>, or null when there is none.</summary>
    internal static async ValueTask<string?> IdTagAsync(IskraDbContext db, string stationId, int remoteStartId, CancellationToken ct) =>
        (db.RemoteStarts.Local.FirstOrDefault(r => r.Id == remoteStartId)
            ?? await db.RemoteStarts.FirstOrDefaultAsync(r => r.Id == remoteStartId, ct).ConfigureAwait(false)) is { } start
            && start.StationId == stationId
            ? start.IdTag
            : null;

    /// <summary>
    /// 1.6 has no remoteStartId on the wire: the newest unlinked remote start of this station and idTag
    /// on this connector (or on no connector), requested at most <see cref="LinkWindow"/> before
    /// <paramref name="now"/> and not rejected (or refused with a CALLERROR) by the station, is linked to <paramref name="transactionId"/>.
    /// </summary>
    internal static async ValueTask<int?> LinkAsync(
        IskraDbContext db, string stationId, int connectorId, string idTag, string transactionId, DateTimeOffset now, CancellationToken ct)
    {
        var since = now - LinkWindow;
        var candidates = await db.RemoteStarts
            .Where(r => r.StationId == stationId && r.IdTag == idTag && r.TransactionId == null
                && (r.ConnectorId == null || r.ConnectorId == connectorId) && r.RequestedAt >= since)
            .ToListAsync(ct).ConfigureAwait(false);
        var start = candidates
            // Tracked rows may be linked in this batch already. Rejected and Failed (a CALLERROR) started
            // nothing; NoAnswer may have: the station may have acted on a call it did not answer in time.
            .Where(r => r.TransactionId is null && r.Status != "Rejected" && r.Status != "Failed")
            .OrderByDescending(r => r.RequestedAt).ThenByDescending(r => r.Id)
            .FirstOrDefault();
        if (start is null)
        {
            return null;
        }

        start.TransactionId = transactionId;
        return start.Id;
    }
}
