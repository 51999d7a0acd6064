using Iskra.Csms.Access;
using Iskra.Csms.Authorization;
using Iskra.Csms.Stations;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Csms.Storage;

/// <summary>Creates the configured <see cref="SeedOptions"/> rows that do not exist yet, each audited as <see cref="AdminAudit.StartUp"/>'s doing.</summary>
public static class Seeder
{
    public static async Task SeedAsync(IDbContextFactory<IskraDbContext> contexts, SeedOptions seed, StationPasswordHasher hasher, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var audit = new AdminAudit(time);
        foreach (var s in seed.Stations)
        {
            if (await db.Stations.AnyAsync(x => x.Id == s.Id, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            if (s.SecurityProfile is 1 or 2 && string.IsNullOrEmpty(s.Password))
            {
                throw new InvalidOperationException($"Seed station {s.Id} uses security profile {s.SecurityProfile} and needs a password.");
            }

            db.Stations.Add(new Station
            {
                Id = s.Id,
                Description = s.Description,
                SecurityProfile = s.SecurityProfile,
                PasswordHash = s.SecurityProfile is 1 or 2 ? hasher.Hash(s.Password!) : null,
                CreatedAt = now,
            });
            string?[] set = [s.Description is null ? null : "description", "securityProfile", s.SecurityProfile is 1 or 2 ? "password" : null];
            audit.Add(db, AdminAudit.StartUp, AdminActions.StationCreated, s.Id, set.OfType<string>(), s.Id);
        }

        foreach (var t in seed.IdTags)
        {
            if (!await db.IdTags.AnyAsync(x => x.Value == t.IdTag, cancellationToken).ConfigureAwait(false))
            {
                db.IdTags.Add(new IdTag { Value = t.IdTag, Status = t.Status, ExpiryDate = t.ExpiryDate, ParentIdTag = t.ParentIdTag, CreatedAt = now });
                string?[] set = ["status", t.ExpiryDate is null ? null : "expiryDate", t.ParentIdTag is null ? null : "parentIdTag"];
                audit.Add(db, AdminAudit.StartUp, AdminActions.IdTagCreated, t.IdTag, set.OfType<string>());
            }
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }
}
