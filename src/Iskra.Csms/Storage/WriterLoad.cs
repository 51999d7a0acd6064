using Iskra.Ocpp.Rpc;

namespace Iskra.Csms.Storage;

/// <summary>
/// How far behind the storage writer is, read on every station message to decide whether to shed it.
/// The writer is behind when the batch it is committing holds a write older than the limit, or when
/// the work waiting for it would take longer than the limit to commit at the writer's recent pace
/// (items waiting × its time per item). The second rule sees a backlog as it forms, so admitted work
/// waits about the limit and no more; the first covers a writer that has stopped (a lock).
/// It is also the stations' <see cref="IReceiveGate"/>: while the writer is behind, connections stop
/// reading new frames until a batch commits with the writer caught up, or for at most the limit, so
/// the CPU goes to the writer instead of to frames that would only be refused.
/// Lock-free: the writer loop updates it, any thread reads it.
/// </summary>
public sealed class WriterLoad(TimeProvider time, TimeSpan maxDelay) : IReceiveGate
{
    /// <summary>Batches smaller than this are mostly the commit's fixed cost: they do not update the pace.</summary>
    private const int PaceSampleMinimum = 256;

    private readonly long _maxDelayTicks = (long)(maxDelay.TotalSeconds * time.TimestampFrequency);
    private long _waiting;
    private long _batchQueued;
    private long _batchStarted;
    private long _ticksPerItem;
    private TaskCompletionSource _caughtUp = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _readersWaiting;

    /// <summary>Items queued and not yet taken into a batch.</summary>
    public long Waiting => Interlocked.Read(ref _waiting);

    /// <summary>When the oldest write of the batch being committed was queued (0 between batches).</summary>
    public long BatchQueued => Interlocked.Read(ref _batchQueued);

    /// <summary>The writer's recent time per committed item, in timestamp ticks (0 until a large batch was seen).</summary>
    public long TicksPerItem => Interlocked.Read(ref _ticksPerItem);

    /// <summary>True while new station work should be refused rather than queued. Three reads, no lock.</summary>
    public bool IsOverloaded
    {
        get
        {
            if (_maxDelayTicks <= 0)
            {
                return false;
            }

            var queued = Interlocked.Read(ref _batchQueued);
            return (queued != 0 && time.GetTimestamp() - queued > _maxDelayTicks)
                || Interlocked.Read(ref _waiting) * Interlocked.Read(ref _ticksPerItem) > _maxDelayTicks;
        }
    }

    /// <summary>An item is about to be queued (counted first, so the writer never takes it before it is counted).</summary>
    public void Queued() => Interlocked.Increment(ref _waiting);

    /// <summary>An item counted by <see cref="Queued"/> was not queued after all.</summary>
    public void Unqueued() => Interlocked.Decrement(ref _waiting);

    /// <summary>The writer took <paramref name="count"/> items into a batch whose first was queued at <paramref name="oldestQueued"/>.</summary>
    public void Taken(int count, long oldestQueued)
    {
        Interlocked.Add(ref _waiting, -count);
        _batchStarted = time.GetTimestamp();
        Interlocked.Exchange(ref _batchQueued, oldestQueued);
    }

    /// <summary>The batch of <paramref name="count"/> items is done; a large one updates the pace (weight 1/4).</summary>
    public void Done(int count)
    {
        if (count >= PaceSampleMinimum)
        {
            var perItem = (time.GetTimestamp() - _batchStarted) / count;
            var previous = Interlocked.Read(ref _ticksPerItem);
            Interlocked.Exchange(ref _ticksPerItem, previous == 0 ? perItem : previous + ((perItem - previous) / 4));
        }

        Interlocked.Exchange(ref _batchQueued, 0);
        if (Volatile.Read(ref _readersWaiting) != 0 && !IsOverloaded)
        {
            Volatile.Write(ref _readersWaiting, 0);
            Interlocked.Exchange(ref _caughtUp, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }
    }

    public ValueTask WaitAsync(CancellationToken cancellationToken) =>
        IsOverloaded ? new ValueTask(WaitCaughtUpAsync(cancellationToken)) : default;

    private async Task WaitCaughtUpAsync(CancellationToken cancellationToken)
    {
        Volatile.Write(ref _readersWaiting, 1);
        var caughtUp = Volatile.Read(ref _caughtUp).Task;
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var limit = Task.Delay(maxDelay, time, bounded.Token);
        await Task.WhenAny(caughtUp, limit).ConfigureAwait(false);
        await bounded.CancelAsync().ConfigureAwait(false); // drops the timer when the writer caught up first
    }
}
