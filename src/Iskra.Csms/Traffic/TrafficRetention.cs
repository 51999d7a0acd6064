using Iskra.Csms.Jobs;
using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Iskra.Csms.Traffic;

/// <summary>
/// Deletes traffic older than <see cref="CsmsOptions.TrafficRetention"/>, once at start and then hourly,
/// in batches of <see cref="JobOptions.PurgeBatchRows"/>. A database error is retried (<see cref="SupervisedJob"/>).
/// </summary>
public sealed class TrafficRetention(
    IDbContextFactory<IskraDbContext> contexts,
    IOptions<CsmsOptions> options,
    IOptions<JobOptions> jobs,
    TimeProvider time,
    ILogger<TrafficRetention> logger) : SupervisedJob("traffic-retention", jobs, time, logger)
{
    protected override TimeSpan Period => TimeSpan.FromHours(1);

    /// <summary>Deletes the expired rows, one batch per statement; returns how many.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var cutoff = Time.GetUtcNow() - options.Value.TrafficRetention;
        var batch = Math.Max(1, Settings.PurgeBatchRows);
        var total = 0;
        int deleted;
        do
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var expired = db.Traffic.Where(t => t.Timestamp < cutoff).OrderBy(t => t.Id).Select(t => t.Id).Take(batch);
            deleted = await db.Traffic.Where(t => expired.Contains(t.Id)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            total += deleted;
        }
        while (deleted == batch);

        return total;
    }

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => PurgeAsync(cancellationToken);
}
