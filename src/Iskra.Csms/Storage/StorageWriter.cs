using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Iskra.Csms.Storage;

/// <summary>
/// The one writer of station data. Work from every station queues here; a single loop applies as
/// many items as are waiting (up to <see cref="MaxBatch"/>) to one context and commits them in one
/// database transaction, then completes each caller. So a CALLRESULT is sent only after its data is
/// durable, thousands of messages share one commit, and writes never contend with each other.
/// A batch that fails is retried item by item, so one bad row fails only its own caller.
/// </summary>
public sealed partial class StorageWriter(
    IDbContextFactory<IskraDbContext> contexts,
    ILogger<StorageWriter> logger,
    Telemetry.CsmsMetrics metrics) : BackgroundService
{
    public const int MaxBatch = 2000;

    private readonly Channel<StorageWork> _queue = Channel.CreateBounded<StorageWork>(
        new BoundedChannelOptions(100_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private long _dropped;

    /// <summary>Seconds the last commit took; read by metrics.</summary>
    public double LastCommitSeconds { get; private set; }

    public long CommittedBatches { get; private set; }

    /// <summary>Queues <paramref name="apply"/> and returns its result once it is durable.</summary>
    public async Task<TResult> WriteAsync<TState, TResult>(
        TState state,
        Func<IskraDbContext, TState, CancellationToken, ValueTask<TResult>> apply,
        CancellationToken cancellationToken)
    {
        var work = new StorageWork<TState, TResult>(state, apply);
        await _queue.Writer.WriteAsync(work, cancellationToken).ConfigureAwait(false);
        return await work.Task.ConfigureAwait(false);
    }

    /// <summary>
    /// Queues <paramref name="apply"/> without waiting for it (the traffic log): when the queue is full
    /// the row is dropped and counted in <see cref="Dropped"/> rather than stalling a station.
    /// </summary>
    public void Post<TState>(TState state, Func<IskraDbContext, TState, CancellationToken, ValueTask<bool>> apply)
    {
        if (!_queue.Writer.TryWrite(new StorageWork<TState, bool>(state, apply)))
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    public long Dropped => Interlocked.Read(ref _dropped);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<StorageWork>(MaxBatch);
        var reader = _queue.Reader;
        // Drain what is queued even after stop is requested, so acknowledged work is never dropped.
        while (await reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
        {
            while (batch.Count < MaxBatch && reader.TryRead(out var work))
            {
                batch.Add(work);
            }

            await CommitAsync(batch).ConfigureAwait(false);
            batch.Clear();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task CommitAsync(List<StorageWork> batch)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await using var db = await OpenAsync().ConfigureAwait(false);
            foreach (var work in batch)
            {
                await work.ApplyAsync(db, CancellationToken.None).ConfigureAwait(false);
            }

            await SaveAsync(db).ConfigureAwait(false);
            var elapsed = Stopwatch.GetElapsedTime(started);
            LastCommitSeconds = elapsed.TotalSeconds;
            metrics.Committed(elapsed);
            CommittedBatches++;
            foreach (var work in batch)
            {
                work.Complete();
            }
        }
        catch (Exception ex) when (batch.Count > 1)
        {
            LogBatchRetried(logger, batch.Count, ex);
            foreach (var work in batch)
            {
                await CommitOneAsync(work).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            LogWorkFailed(logger, ex);
            batch[0].Fail(ex);
        }
    }

    private async Task CommitOneAsync(StorageWork work)
    {
        try
        {
            await using var db = await OpenAsync().ConfigureAwait(false);
            await work.ApplyAsync(db, CancellationToken.None).ConfigureAwait(false);
            await SaveAsync(db).ConfigureAwait(false);
            work.Complete();
        }
        catch (Exception ex)
        {
            LogWorkFailed(logger, ex);
            work.Fail(ex);
        }
    }

    /// <summary>
    /// A batch context tracks thousands of rows; automatic change detection would scan them all on every
    /// <c>Local</c> lookup, which makes a batch quadratic. Changes are detected once, before saving.
    /// </summary>
    private async Task<IskraDbContext> OpenAsync()
    {
        var db = await contexts.CreateDbContextAsync().ConfigureAwait(false);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        return db;
    }

    private static async Task SaveAsync(IskraDbContext db)
    {
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} writes failed; retrying them one by one")]
    private static partial void LogBatchRetried(ILogger logger, int count, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A write failed")]
    private static partial void LogWorkFailed(ILogger logger, Exception exception);
}
