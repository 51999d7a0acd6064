using System.Text.Json;
using Iskra.Csms.Access;
using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Csms.Tariffs;

/// <summary>
/// Tariffs: create, replace (a changed definition is a new version; sessions keep the version they started
/// with), delete (the versions stay). Every change is audited and refreshes <see cref="TariffSelector"/>.
/// </summary>
public sealed class TariffService(IDbContextFactory<IskraDbContext> contexts, TariffSelector selector, AdminAudit audit, TimeProvider time)
{
    public async Task<Tariff?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Tariffs.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id && t.DeletedAt == null, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Tariff>> ListAsync(string? after, int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var query = db.Tariffs.AsNoTracking().Where(t => t.DeletedAt == null);
        if (after is not null)
        {
            query = query.Where(t => string.Compare(t.Id, after) > 0);
        }

        return await query.OrderBy(t => t.Id).Take(take).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A version of a tariff, also of a deleted one (sessions priced with it still name it).</summary>
    public async Task<TariffVersionRecord?> GetVersionAsync(string id, int version, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.TariffVersions.AsNoTracking().FirstOrDefaultAsync(v => v.TariffId == id && v.Version == version, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds a tariff as version 1; null when the id is taken (also by a deleted tariff, whose versions sessions name).</summary>
    public async Task<Tariff?> CreateAsync(string id, TariffInput input, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var now = time.GetUtcNow();
        var tariff = new Tariff
        {
            Id = id,
            Name = input.Name,
            Version = 1,
            DefinitionJson = Json(input.Definition),
            AssignmentJson = JsonSerializer.Serialize(input.Assignment, BillingJsonContext.Default.TariffAssignment),
            CreatedAt = now,
            UpdatedAt = now,
        };
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await db.Tariffs.AnyAsync(t => t.Id == id, cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            db.Tariffs.Add(tariff);
            db.TariffVersions.Add(new TariffVersionRecord { TariffId = id, Version = 1, DefinitionJson = tariff.DefinitionJson, CreatedAt = now });
            audit.Add(db, actor, AdminActions.TariffCreated, id, ["version 1"]);
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateException)
            {
                return null;
            }
        }

        selector.Invalidate();
        return tariff;
    }

    /// <summary>Replaces a tariff; a changed definition becomes the next version. Null when there is no such tariff.</summary>
    public async Task<Tariff?> ReplaceAsync(string id, TariffInput input, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var now = time.GetUtcNow();
        Tariff? tariff;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            tariff = await db.Tariffs.FirstOrDefaultAsync(t => t.Id == id && t.DeletedAt == null, cancellationToken).ConfigureAwait(false);
            if (tariff is null)
            {
                return null;
            }

            List<string> changed = [];
            var definition = Json(input.Definition);
            if (definition != tariff.DefinitionJson)
            {
                tariff.Version++;
                tariff.DefinitionJson = definition;
                db.TariffVersions.Add(new TariffVersionRecord { TariffId = id, Version = tariff.Version, DefinitionJson = definition, CreatedAt = now });
                changed.Add($"version {tariff.Version}");
            }

            var assignment = JsonSerializer.Serialize(input.Assignment, BillingJsonContext.Default.TariffAssignment);
            if (assignment != tariff.AssignmentJson)
            {
                tariff.AssignmentJson = assignment;
                changed.Add("assignment");
            }

            if (!string.Equals(input.Name, tariff.Name, StringComparison.Ordinal))
            {
                tariff.Name = input.Name;
                changed.Add("name");
            }

            if (changed.Count > 0)
            {
                tariff.UpdatedAt = now;
                audit.Add(db, actor, AdminActions.TariffUpdated, id, changed);
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        selector.Invalidate();
        return tariff;
    }

    /// <summary>Deletes a tariff for new sessions; false when there is no such tariff.</summary>
    public async Task<bool> DeleteAsync(string id, string actor, CancellationToken cancellationToken)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            var tariff = await db.Tariffs.FirstOrDefaultAsync(t => t.Id == id && t.DeletedAt == null, cancellationToken).ConfigureAwait(false);
            if (tariff is null)
            {
                return false;
            }

            tariff.DeletedAt = tariff.UpdatedAt = time.GetUtcNow();
            audit.Add(db, actor, AdminActions.TariffDeleted, id, []);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        selector.Invalidate();
        return true;
    }

    public static TariffDefinition Definition(string json) =>
        JsonSerializer.Deserialize(json, BillingJsonContext.Default.TariffDefinition) ?? throw new InvalidDataException("A stored tariff definition is empty.");

    public static TariffAssignment Assignment(string json) =>
        JsonSerializer.Deserialize(json, BillingJsonContext.Default.TariffAssignment) ?? TariffAssignment.None;

    private static string Json(TariffDefinition definition) => JsonSerializer.Serialize(definition, BillingJsonContext.Default.TariffDefinition);
}
