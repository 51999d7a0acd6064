using System.Collections.Frozen;
using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Iskra.Csms.Integration;

/// <summary>
/// The catalog in memory, so that a boot costs a dictionary lookup (after a site's power cut, thousands of
/// stations boot within seconds). Loaded at the first use, again after every change made through
/// <see cref="CatalogService"/> or <see cref="CatalogEditor"/> on this node, and in the background at a boot
/// once <see cref="CatalogOptions.RefreshInterval"/> has passed (changes made by other nodes). Reads never
/// wait for a reload in progress.
/// </summary>
public sealed partial class CatalogCache(
    IDbContextFactory<IskraDbContext> contexts, IOptionsMonitor<CatalogOptions> options, TimeProvider time, ILogger<CatalogCache> logger) : IDisposable
{
    private readonly SemaphoreSlim _reloading = new(1, 1);
    private volatile Snapshot? _snapshot;
    private int _refreshing;

    /// <summary>
    /// Raised after a reload, off the boot path, with the models that became integrated since the copy before it
    /// (by a lab run, the operator, or another node): stations of theirs left Pending can boot again now.
    /// </summary>
    public event Action<IReadOnlyList<CatalogEntry>>? ModelsIntegrated;

    /// <summary>True once the catalog has been read.</summary>
    public bool IsLoaded => _snapshot is not null;

    /// <summary>The entry of <paramref name="vendor"/> and <paramref name="model"/>, or null; the catalog must be loaded (<see cref="EnsureLoadedAsync"/>).</summary>
    public CatalogEntry? Find(string vendor, string model)
    {
        var snapshot = _snapshot ?? throw new InvalidOperationException("The catalog is not loaded yet: await EnsureLoadedAsync first.");
        return snapshot.Entries.GetValueOrDefault(CatalogKeys.Of(vendor, model));
    }

    /// <summary>
    /// Reads the catalog unless it is loaded (a completed task then); when the copy is older than
    /// <see cref="CatalogOptions.RefreshInterval"/>, a reload starts in the background and this call does not wait for it.
    /// </summary>
    public ValueTask EnsureLoadedAsync(CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        if (snapshot is null)
        {
            return new(LoadAsync(force: false, cancellationToken));
        }

        var interval = options.CurrentValue.RefreshInterval;
        if (interval > TimeSpan.Zero && time.GetUtcNow() - snapshot.LoadedAt >= interval && Interlocked.CompareExchange(ref _refreshing, 1, 0) == 0)
        {
            _ = RefreshAsync();
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Reads the whole catalog again; reloads run one at a time, so the last one reads the last change.</summary>
    public Task ReloadAsync(CancellationToken cancellationToken) => LoadAsync(force: true, cancellationToken);

    public void Dispose() => _reloading.Dispose();

    private async Task RefreshAsync()
    {
        try
        {
            await LoadAsync(force: true, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // a failed background refresh keeps the copy in memory and is tried again at a later boot
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogRefreshFailed(logger, e);
        }
        finally
        {
            Volatile.Write(ref _refreshing, 0);
        }
    }

    private async Task LoadAsync(bool force, CancellationToken cancellationToken)
    {
        List<CatalogEntry>? integrated = null;
        await _reloading.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!force && _snapshot is not null)
            {
                return; // loaded by the boot that waited before this one
            }

            var loadedAt = time.GetUtcNow();
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var models = await db.CatalogModels.AsNoTracking().AsSplitQuery()
                .Include(m => m.Runs)
                .Include(m => m.Notes.Where(n => n.Firmware != null))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var before = _snapshot;
            var snapshot = new Snapshot(models.ToFrozenDictionary(m => m.Key, CatalogEntry.From, StringComparer.Ordinal), loadedAt);
            _snapshot = snapshot;
            if (before is not null)
            {
                foreach (var (key, entry) in snapshot.Entries)
                {
                    if (entry.Status == CatalogStatus.Integrated && before.Entries.GetValueOrDefault(key)?.Status != CatalogStatus.Integrated)
                    {
                        (integrated ??= []).Add(entry);
                    }
                }
            }
        }
        finally
        {
            _reloading.Release();
        }

        if (integrated is not null)
        {
            ModelsIntegrated?.Invoke(integrated);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reloading the catalog of integrated models failed; boots are judged on the copy in memory")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);

    private sealed record Snapshot(FrozenDictionary<string, CatalogEntry> Entries, DateTimeOffset LoadedAt);
}
