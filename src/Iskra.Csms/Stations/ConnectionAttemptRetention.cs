using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Iskra.Csms.Stations;

/// <summary>
/// Deletes refused-handshake rows older than <see cref="CsmsOptions.ConnectionAttemptRetention"/>, at
/// start and then hourly, in chunks of <see cref="ChunkSize"/> rows so no delete holds the database long.
/// A failed purge is logged and tried again at the next hour.
/// </summary>
public sealed partial class ConnectionAttemptRetention(
    IDbContextFactory<IskraDbContext> contexts,
    IOptions<CsmsOptions> options,
    TimeProvider time,
    ILogger<ConnectionAttemptRetention> logger) : BackgroundService
{
    public const int ChunkSize = 5000;

    /// <summary>Deletes the expired rows, one chunk per statement; returns how many were deleted.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - options.Value.ConnectionAttemptRetention;
        var total = 0;
        while (true)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var deleted = await db.ConnectionAttempts.Where(a => a.Timestamp < cutoff).OrderBy(a => a.Id).Take(ChunkSize)
                .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            total += deleted;
            if (deleted < ChunkSize)
            {
                return total;
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        do
        {
            try
            {
                await PurgeAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPurgeFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purging old connection attempts failed; it is tried again in an hour")]
    private static partial void LogPurgeFailed(ILogger logger, Exception exception);
}
