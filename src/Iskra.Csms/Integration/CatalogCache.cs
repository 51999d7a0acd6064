using System.Collections.Frozen;
using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Csms.Integration;

/// <summary>
/// The catalog in memory, so that a boot costs a dictionary lookup (after a site's power cut, thousands of
/// stations boot within seconds). Loaded at the first use and again after every change made through
/// <see cref="CatalogService"/> on this node; reads never wait for a reload in progress.
/// </summary>
public sealed class CatalogCache(IDbContextFactory<IskraDbContext> contexts) : IDisposable
{
    private readonly SemaphoreSlim _reloading = new(1, 1);
    private volatile FrozenDictionary<string, CatalogEntry>? _entries;

    /// <summary>True once the catalog has been read.</summary>
    public bool IsLoaded => _entries is not null;

    /// <summary>The entry of <paramref name="vendor"/> and <paramref name="model"/>, or null; the catalog must be loaded (<see cref="EnsureLoadedAsync"/>).</summary>
    public CatalogEntry? Find(string vendor, string model)
    {
        var entries = _entries ?? throw new InvalidOperationException("The catalog is not loaded yet: await EnsureLoadedAsync first.");
        return entries.GetValueOrDefault(CatalogKeys.Of(vendor, model));
    }

    /// <summary>Reads the catalog unless it is loaded (a completed task then).</summary>
    public ValueTask EnsureLoadedAsync(CancellationToken cancellationToken) =>
        _entries is not null ? ValueTask.CompletedTask : new(LoadAsync(force: false, cancellationToken));

    /// <summary>Reads the whole catalog again; reloads run one at a time, so the last one reads the last change.</summary>
    public Task ReloadAsync(CancellationToken cancellationToken) => LoadAsync(force: true, cancellationToken);

    public void Dispose() => _reloading.Dispose();

    private async Task LoadAsync(bool force, CancellationToken cancellationToken)
    {
        await _reloading.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!force && _entries is not null)
            {
                return; // loaded by the boot that waited before this one
            }

            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var models = await db.CatalogModels.AsNoTracking().AsSplitQuery()
                .Include(m => m.Runs)
                .Include(m => m.Notes.Where(n => n.Firmware != null))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            _entries = models.ToFrozenDictionary(m => m.Key, CatalogEntry.From, StringComparer.Ordinal);
        }
        finally
        {
            _reloading.Release();
        }
    }
}
