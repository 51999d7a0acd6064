using System.Text.Json;
using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Csms.Authorization;

/// <summary>Keeps each station's Local Authorization List: what it accepted from SendLocalList and the version it reports.</summary>
public sealed class LocalListService(IDbContextFactory<IskraDbContext> contexts, TimeProvider time)
{
    /// <summary>The entries of a stored list.</summary>
    public static IReadOnlyList<LocalListEntry> Entries(LocalList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        return JsonSerializer.Deserialize(list.Entries, CsmsJsonContext.Default.ListLocalListEntry) ?? [];
    }

    /// <summary>
    /// The station accepted a SendLocalList: a Full update replaces the list; a Differential one adds or
    /// updates the entries with an idTagInfo and deletes those without (1.6 §7.1 AuthorizationData).
    /// </summary>
    public async Task AcceptedAsync(string stationId, int version, bool full, IReadOnlyList<LocalListEntry> update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await RowAsync(db, stationId, cancellationToken).ConfigureAwait(false);
        List<LocalListEntry> entries;
        if (full)
        {
            entries = [.. update];
        }
        else
        {
            var changed = update.Select(e => e.IdTag).ToHashSet(StringComparer.Ordinal);
            entries = [.. Entries(row).Where(e => !changed.Contains(e.IdTag)), .. update.Where(e => e.IdTagInfo is not null)];
        }

        row.ListVersion = version;
        row.Entries = JsonSerializer.Serialize(entries, CsmsJsonContext.Default.ListLocalListEntry);
        row.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The station answered GetLocalListVersion with <paramref name="version"/>.</summary>
    public async Task ReportedAsync(string stationId, int version, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await RowAsync(db, stationId, cancellationToken).ConfigureAwait(false);
        row.ReportedVersion = version;
        row.ReportedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<LocalList> RowAsync(IskraDbContext db, string stationId, CancellationToken cancellationToken) =>
        await db.LocalLists.FirstOrDefaultAsync(l => l.StationId == stationId, cancellationToken).ConfigureAwait(false)
        ?? db.LocalLists.Add(new LocalList { StationId = stationId }).Entity;
}
