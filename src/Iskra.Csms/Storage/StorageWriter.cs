using System.Diagnostics;
using System.Threading.Channels;
using Iskra.Csms.Traffic;
using Iskra.Csms.Transactions;
using Iskra.Ocpp.Rpc;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Iskra.Csms.Storage;

/// <summary>
/// The one writer of station data. Work from every station queues here; a single loop applies as
/// many items as are waiting (up to <see cref="MaxBatch"/>) to one context and commits them in one
/// database transaction, then completes each caller. So a CALLRESULT is sent only after its data is
/// durable, thousands of messages share one commit, and writes never contend with each other.
/// A batch that fails is retried item by item, so one bad row fails only its own caller.
/// When the writer is more than <see cref="CsmsOptions.MaxStorageDelay"/> behind (<see cref="WriterLoad"/>),
/// it reports <see cref="IsOverloaded"/>: station calls are then refused before they queue, and
/// traffic rows are dropped, so the writer keeps committing at its capacity instead of working through
/// a backlog whose answers nobody waits for any more.
/// </summary>
public sealed partial class StorageWriter(
    IDbContextFactory<IskraDbContext> contexts,
    ILogger<StorageWriter> logger,
    Telemetry.CsmsMetrics metrics,
    TimeProvider time,
    IOptions<CsmsOptions> options) : BackgroundService
{
    public const int MaxBatch = 2000;

    private readonly Channel<StorageWork> _queue = Channel.CreateBounded<StorageWork>(
        new BoundedChannelOptions(100_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private long _dropped;
    private long _shed;

    private readonly WriterLoad _load = new(time, options.Value.MaxStorageDelay);

    // The writer's own connection keeps the hot index pages cached and reads the SQLite file through a
    // memory map, so a batch's scattered index inserts do not each go to the file system.
    private const string WriterPragmas = "PRAGMA cache_size=-65536; PRAGMA mmap_size=268435456;";

    private readonly WriterRows _kept = new();

    private BulkTables? _tables;

    /// <summary>Seconds the last commit took; read by metrics.</summary>
    public double LastCommitSeconds { get; private set; }

    private long _committedBatches;

    /// <summary>Batches committed whole (retried batches not counted); readable from any thread.</summary>
    public long CommittedBatches => Interlocked.Read(ref _committedBatches);

    /// <summary>Queues <paramref name="apply"/> and returns its result once it is durable.</summary>
    public async Task<TResult> WriteAsync<TState, TResult>(
        TState state,
        Func<IskraDbContext, TState, CancellationToken, ValueTask<TResult>> apply,
        CancellationToken cancellationToken)
    {
        var work = new StorageWork<TState, TResult>(state, apply) { Queued = time.GetTimestamp() };
        _load.Queued();
        try
        {
            await _queue.Writer.WriteAsync(work, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _load.Unqueued();
            throw;
        }

        return await work.Task.ConfigureAwait(false);
    }

    /// <summary>
    /// True while the writer is more than <see cref="CsmsOptions.MaxStorageDelay"/> behind: new station
    /// work should be refused rather than queued behind it. Cheap enough for every message.
    /// </summary>
    public bool IsOverloaded => _load.IsOverloaded;

    /// <summary>Back-pressure for station connections: closed while <see cref="IsOverloaded"/> (see <see cref="WriterLoad"/>).</summary>
    public IReceiveGate ReceiveGate => _load;

    /// <summary>Counts one station call refused because the writer was overloaded.</summary>
    public void CountShed() => Interlocked.Increment(ref _shed);

    /// <summary>Station calls refused because the writer was overloaded; readable from any thread.</summary>
    public long Shed => Interlocked.Read(ref _shed);

    /// <summary>
    /// Queues a traffic-log row without waiting for it: when the queue is full or the writer is
    /// overloaded the row is dropped and counted in <see cref="Dropped"/> rather than stalling a station
    /// or delaying its data. Rows are inserted in bulk with the batch they join.
    /// </summary>
    public void Log(TrafficEntry entry)
    {
        if (_load.IsOverloaded)
        {
            DropTraffic();
            return;
        }

        _load.Queued();
        if (!_queue.Writer.TryWrite(new TrafficWork(entry) { Queued = time.GetTimestamp() }))
        {
            _load.Unqueued();
            DropTraffic();
        }
    }

    /// <summary>Counts a traffic row not logged (the caller saw <see cref="IsOverloaded"/> and did not build it).</summary>
    public void DropTraffic() => Interlocked.Increment(ref _dropped);

    public long Dropped => Interlocked.Read(ref _dropped);

    private WriterFailure? _lastFailure;
    private long _lastCommitTicks;

    /// <summary>
    /// How the writer is doing, readable from any thread (readiness, /health): work waiting, how long the
    /// oldest work has waited (in the batch being committed, else at the head of the queue), the last
    /// commit and the last failed one. A writer blocked by a database lock shows as a growing wait.
    /// </summary>
    public WriterHealth Health()
    {
        var batch = _load.BatchQueued;
        var oldest = batch != 0 ? batch : _queue.Reader.TryPeek(out var head) ? head.Queued : 0;
        var waited = oldest == 0 ? TimeSpan.Zero : time.GetElapsedTime(oldest);
        var failure = Volatile.Read(ref _lastFailure);
        var ticks = Interlocked.Read(ref _lastCommitTicks);
        DateTimeOffset? committed = ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        return new WriterHealth(
            _queue.Reader.Count, waited, committed, failure?.Message, failure?.At,
            failure is not null && (committed is null || failure.At >= committed));
    }

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

            _load.Taken(batch.Count, batch[0].Queued);
            try
            {
                await CommitAsync(batch).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // Never expected (commit failures are caught below); the loop must survive it, or every station waits forever.
                LogWorkFailed(logger, ex);
                foreach (var work in batch)
                {
                    work.Fail(ex);
                }
            }

            _load.Done(batch.Count);
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
        if (await TryCommitAsync(batch).ConfigureAwait(false) is not { } failure)
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            LastCommitSeconds = elapsed.TotalSeconds;
            Interlocked.Exchange(ref _lastCommitTicks, time.GetUtcNow().UtcTicks);
            metrics.Committed(elapsed);
            Interlocked.Increment(ref _committedBatches); // counted before its callers resume, so they see their batch counted
            Complete(batch);
            return;
        }

        // Retried: the traffic rows together, then every other item on its own, so one bad row fails only
        // its own caller. A batch of one is retried too: it may have failed on a kept row that the
        // database no longer has (a station deleted meanwhile), and the retry reads the database.
        LogBatchRetried(logger, batch.Count, failure);
        Volatile.Write(ref _lastFailure, new WriterFailure(failure.GetType().Name + ": " + failure.Message, time.GetUtcNow()));
        var traffic = batch.FindAll(static w => w is TrafficWork);
        if (traffic.Count > 0 && await TryCommitAsync(traffic).ConfigureAwait(false) is { } lost)
        {
            LogWorkFailed(logger, lost);
        }

        foreach (var work in batch)
        {
            if (work is TrafficWork)
            {
                continue;
            }

            if (await TryCommitAsync([work]).ConfigureAwait(false) is { } error)
            {
                LogWorkFailed(logger, error);
                work.Fail(error);
            }
            else
            {
                work.Complete();
            }
        }
    }

    /// <summary>Applies <paramref name="works"/> to one context and commits them, or returns why not.</summary>
    private async Task<Exception?> TryCommitAsync(List<StorageWork> works)
    {
        try
        {
            await using var db = await OpenAsync().ConfigureAwait(false);
            foreach (var work in works)
            {
                await work.ApplyAsync(db, CancellationToken.None).ConfigureAwait(false);
            }

            await SaveAsync(db).ConfigureAwait(false);
            db.Batch!.Committed();
        }
        catch (Exception ex)
        {
            return ex;
        }

        return null;
    }

    private static void Complete(List<StorageWork> works)
    {
        foreach (var work in works)
        {
            work.Complete();
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
        db.Batch = new WriterBatch(_kept);
        return db;
    }

    /// <summary>
    /// Saves the tracked changes and then the batch's append-only rows in bulk, in one transaction.
    /// The bulk rows come second so that meter values can refer to transactions the batch created.
    /// </summary>
    private async Task SaveAsync(IskraDbContext db)
    {
        var batch = db.Batch!;
        db.ChangeTracker.DetectChanges();
        if (batch.Traffic.Count == 0 && batch.MeterValues.Count == 0)
        {
            await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
            return;
        }

        var tables = _tables ??= new BulkTables(db.Model, db.Database.IsSqlite());
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None).ConfigureAwait(false);
        if (tables.Sqlite)
        {
            await db.Database.ExecuteSqlRawAsync(WriterPragmas, CancellationToken.None).ConfigureAwait(false);
        }

        await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
        var connection = db.Database.GetDbConnection();
        var dbTransaction = transaction.GetDbTransaction();
        await tables.Meter.InsertAsync(connection, dbTransaction, batch.MeterValues, CancellationToken.None).ConfigureAwait(false);
        await tables.Traffic.InsertAsync(connection, dbTransaction, batch.Traffic, CancellationToken.None).ConfigureAwait(false);
        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>A traffic-log row: nobody waits for it, so it completes nothing.</summary>
    private sealed class TrafficWork(TrafficEntry entry) : StorageWork
    {
        internal override ValueTask ApplyAsync(IskraDbContext db, CancellationToken cancellationToken)
        {
            db.Append(entry);
            return ValueTask.CompletedTask;
        }

        internal override void Complete()
        {
        }

        internal override void Fail(Exception exception)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} writes failed; retrying them one by one")]
    private static partial void LogBatchRetried(ILogger logger, int count, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A write failed")]
    private static partial void LogWorkFailed(ILogger logger, Exception exception);
}
