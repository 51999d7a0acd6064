using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Csms.SmartCharging;

/// <summary>Keeps the charging profiles each station accepted: stored on SetChargingProfile, removed on ClearChargingProfile.</summary>
public sealed class SmartChargingService(IDbContextFactory<IskraDbContext> contexts, TimeProvider time)
{
    /// <summary>
    /// Stores an accepted profile. One with the same id on the station is replaced (K01.FR.05; 1.6
    /// §5.16). On 1.6 so is one with the same stack level and purpose on the same connector (1.6 §5.16).
    /// </summary>
    public async Task StoreAsync(ChargingProfileRecord profile, bool replaceSameStackLevel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var station = profile.StationId;
        var sameId = await db.ChargingProfiles
            .FirstOrDefaultAsync(p => p.StationId == station && p.ChargingProfileId == profile.ChargingProfileId, cancellationToken)
            .ConfigureAwait(false);
        if (replaceSameStackLevel)
        {
            var sameSlot = await db.ChargingProfiles
                .Where(p => p.StationId == station && p.EvseId == profile.EvseId && p.StackLevel == profile.StackLevel
                    && p.Purpose == profile.Purpose && p.ChargingProfileId != profile.ChargingProfileId)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            db.ChargingProfiles.RemoveRange(sameSlot);
        }

        var row = sameId ?? db.ChargingProfiles.Add(new ChargingProfileRecord { StationId = station, Purpose = profile.Purpose, Profile = profile.Profile }).Entity;
        row.EvseId = profile.EvseId;
        row.ChargingProfileId = profile.ChargingProfileId;
        row.Purpose = profile.Purpose;
        row.StackLevel = profile.StackLevel;
        row.TransactionId = profile.TransactionId;
        row.Profile = profile.Profile;
        row.SetAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes the stored profiles the station cleared; returns how many.</summary>
    public async Task<int> ClearAsync(string stationId, ProfileFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var query = db.ChargingProfiles.Where(p => p.StationId == stationId);
        if (filter.ChargingProfileId is { } id)
        {
            query = query.Where(p => p.ChargingProfileId == id);
        }
        else
        {
            if (filter.EvseId is { } evse)
            {
                query = query.Where(p => p.EvseId == evse);
            }

            if (filter.Purpose is { } purpose)
            {
                query = query.Where(p => p.Purpose == purpose);
            }

            if (filter.StackLevel is { } level)
            {
                query = query.Where(p => p.StackLevel == level);
            }
        }

        var rows = await query.ToListAsync(cancellationToken).ConfigureAwait(false);
        db.ChargingProfiles.RemoveRange(rows);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return rows.Count;
    }
}
