using System.Globalization;
using Iskra.Csms.Access;
using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Csms.Integration;

/// <summary>
/// The operator's side of the catalog: read models with their runs and notes, add a model, change its status,
/// add a note, delete it. Every change is audited (<see cref="AdminAudit"/>, field names only) and reloads the
/// in-memory catalog the boot path reads.
/// </summary>
public sealed class CatalogEditor(IDbContextFactory<IskraDbContext> contexts, CatalogCache cache, AdminAudit audit, TimeProvider time)
{
    /// <summary>Models by id after <paramref name="afterId"/>, filtered by status and vendor (trimmed, without case), at most <paramref name="take"/>.</summary>
    public async Task<IReadOnlyList<CatalogModel>> ListAsync(CatalogStatus? status, string? vendor, long? afterId, int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var query = Full(db);
        if (status is { } s)
        {
            query = query.Where(m => m.Status == s);
        }

        if (!string.IsNullOrWhiteSpace(vendor))
        {
            var prefix = CatalogKeys.Of(vendor, "");
            query = query.Where(m => m.Key.StartsWith(prefix));
        }

        if (afterId is { } after)
        {
            query = query.Where(m => m.Id > after);
        }

        return await query.OrderBy(m => m.Id).Take(take).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<CatalogModel?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await Full(db).FirstOrDefaultAsync(m => m.Id == id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds a model with its first notes; null when the catalog already has that vendor and model.</summary>
    public async Task<CatalogModel?> CreateAsync(string vendor, string model, CatalogStatus status, IReadOnlyList<string> quirks, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vendor);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(quirks);
        var now = time.GetUtcNow();
        var entity = new CatalogModel
        {
            Vendor = vendor.Trim(),
            Model = model.Trim(),
            Key = CatalogKeys.Of(vendor, model),
            Status = status,
            CreatedAt = now,
            UpdatedAt = now,
            Notes = [.. quirks.Select(q => new CatalogNote { Author = actor, At = now, Text = q })],
        };
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await db.CatalogModels.AnyAsync(m => m.Key == entity.Key, cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            // The audit row names the id the database gives the model: two saves, one transaction.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            db.CatalogModels.Add(entity);
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateException)
            {
                return null;
            }

            audit.Add(db, actor, AdminActions.CatalogModelCreated, Target(entity.Id), quirks.Count > 0 ? ["vendor", "model", "status", "quirks"] : ["vendor", "model", "status"]);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        await cache.ReloadAsync(cancellationToken).ConfigureAwait(false);
        return entity;
    }

    /// <summary>Sets the status and/or adds a note (null: leave as is); null when there is no such model.</summary>
    public async Task<CatalogModel?> UpdateAsync(long id, CatalogStatus? status, string? quirk, string actor, CancellationToken cancellationToken)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            var model = await db.CatalogModels.FirstOrDefaultAsync(m => m.Id == id, cancellationToken).ConfigureAwait(false);
            if (model is null)
            {
                return null;
            }

            List<string> changed = [];
            var now = time.GetUtcNow();
            if (status is { } s && s != model.Status)
            {
                model.Status = s;
                changed.Add("status");
            }

            if (quirk is not null)
            {
                db.CatalogNotes.Add(new CatalogNote { ModelId = id, Author = actor, At = now, Text = quirk });
                changed.Add("quirk");
            }

            if (changed.Count > 0)
            {
                model.UpdatedAt = now;
                audit.Add(db, actor, AdminActions.CatalogModelUpdated, Target(id), changed);
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await cache.ReloadAsync(cancellationToken).ConfigureAwait(false);
        return await GetAsync(id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the model with its runs and notes; false when there is no such model.</summary>
    public async Task<bool> DeleteAsync(long id, string actor, CancellationToken cancellationToken)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            var model = await db.CatalogModels.FirstOrDefaultAsync(m => m.Id == id, cancellationToken).ConfigureAwait(false);
            if (model is null)
            {
                return false;
            }

            db.CatalogModels.Remove(model); // runs, their profiles and notes go with it (cascade)
            audit.Add(db, actor, AdminActions.CatalogModelDeleted, Target(id), []);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        await cache.ReloadAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static IQueryable<CatalogModel> Full(IskraDbContext db) =>
        db.CatalogModels.AsNoTracking().AsSplitQuery().Include(m => m.Runs).ThenInclude(r => r.Profiles).Include(m => m.Notes);

    private static string Target(long id) => id.ToString(CultureInfo.InvariantCulture);
}
