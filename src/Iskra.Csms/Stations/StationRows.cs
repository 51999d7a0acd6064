using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Csms.Stations;

/// <summary>
/// A station's row inside a writer batch. A heartbeat attaches a stub row (its id and LastSeen, to update
/// without a read: <see cref="StationService.TouchAsync"/>), so a plain <c>FindAsync</c> later in the same batch
/// returns the stub, every other column null: a check of a stored value (a password hash) would fail unseen.
/// </summary>
internal static class StationRows
{
    /// <summary>The stored row with this batch's changes to it kept; null when the station is gone.</summary>
    public static async ValueTask<Station?> FindAsync(IskraDbContext db, string stationId, CancellationToken cancellationToken)
    {
        var tracked = db.Stations.Local.FindEntry(stationId);
        if (tracked is null)
        {
            return await db.Stations.FindAsync([stationId], cancellationToken).ConfigureAwait(false);
        }

        if (tracked.State == EntityState.Added)
        {
            return tracked.Entity;
        }

        // The writer's contexts detect changes once, before saving: an earlier item's plain assignments
        // (a promoted password) are not marked modified yet, and the reload below would undo them.
        tracked.DetectChanges();
        var changes = tracked.Properties.Where(p => p.IsModified).Select(p => (p, p.CurrentValue)).ToList();
        await tracked.ReloadAsync(cancellationToken).ConfigureAwait(false);
        if (tracked.State == EntityState.Detached)
        {
            return null;
        }

        foreach (var (property, value) in changes)
        {
            property.CurrentValue = value;
        }

        return tracked.Entity;
    }
}
