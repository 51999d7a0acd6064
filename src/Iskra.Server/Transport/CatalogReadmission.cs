using Iskra.Csms;
using Iskra.Csms.Integration;
using Iskra.Csms.Stations;
using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Server.Transport;

/// <summary>
/// When models become integrated (<see cref="CatalogCache.ModelsIntegrated"/>: a lab run passed, the operator
/// changed the status, or another node did), the connected stations of those models that were answered Pending
/// are asked to boot again at once (TriggerMessage BootNotification) instead of waiting out the Pending interval;
/// the catalog then accepts them at that boot.
/// </summary>
public sealed partial class CatalogReadmission(
    CatalogCache catalog, StationSessions sessions, StationApproval approval, IDbContextFactory<IskraDbContext> contexts, ILogger<CatalogReadmission> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        catalog.ModelsIntegrated += OnIntegrated;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        catalog.ModelsIntegrated -= OnIntegrated;
        return Task.CompletedTask;
    }

    private void OnIntegrated(IReadOnlyList<CatalogEntry> models) => _ = ReadmitAsync(models);

    /// <summary>Triggers a boot of each connected Pending station of <paramref name="models"/>; returns when all were asked.</summary>
    public async Task ReadmitAsync(IReadOnlyList<CatalogEntry> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        try
        {
            var pending = sessions.StationIds
                .Where(id => sessions.Find(id)?.Connection.Context?.Registration == RegistrationState.Pending)
                .ToList();
            if (pending.Count == 0)
            {
                return;
            }

            var keys = models.Select(m => CatalogKeys.Of(m.Vendor, m.Model)).ToHashSet(StringComparer.Ordinal);
            List<(string Id, string? Vendor, string? Model)> stations;
            await using (var db = await contexts.CreateDbContextAsync().ConfigureAwait(false))
            {
                stations = [.. (await db.Stations.AsNoTracking().Where(s => pending.Contains(s.Id)).Select(s => new { s.Id, s.Vendor, s.Model }).ToListAsync().ConfigureAwait(false))
                    .Select(s => (s.Id, s.Vendor, s.Model))];
            }

            List<Task> triggers = [];
            foreach (var (id, vendor, model) in stations)
            {
                if (vendor is not null && model is not null && keys.Contains(CatalogKeys.Of(vendor, model)) && sessions.Find(id) is { } session)
                {
                    triggers.Add(approval.TriggerBootAsync(session.Outbound, $"of {vendor} {model}, now integrated, was Pending"));
                }
            }

            await Task.WhenAll(triggers).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // a failed readmission leaves the stations to their own next boot, as without it
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Asking the Pending stations of newly integrated models to boot again failed; they boot at their Pending interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
