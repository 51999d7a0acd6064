using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Iskra.Csms.Traffic;

/// <summary>Deletes traffic older than <see cref="CsmsOptions.TrafficRetention"/>, once at start and then hourly.</summary>
public sealed class TrafficRetention(IDbContextFactory<IskraDbContext> contexts, IOptions<CsmsOptions> options, TimeProvider time) : BackgroundService
{
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - options.Value.TrafficRetention;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Traffic.Where(t => t.Timestamp < cutoff).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        do
        {
            await PurgeAsync(stoppingToken).ConfigureAwait(false);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
