namespace Iskra.Csms.Storage;

/// <summary>
/// One unit of work for the <see cref="StorageWriter"/>: it changes a <see cref="IskraDbContext"/>
/// (which the writer saves with the rest of its batch) and completes when that batch is durable.
/// <see cref="ApplyAsync"/> may run twice (a failed batch is retried one by one), so it must only
/// read and change the context it is given.
/// </summary>
public abstract class StorageWork
{
    /// <summary>When the work was queued (<see cref="System.Diagnostics.Stopwatch"/> ticks).</summary>
    internal long QueuedAt { get; } = System.Diagnostics.Stopwatch.GetTimestamp();

    internal abstract ValueTask ApplyAsync(IskraDbContext db, CancellationToken cancellationToken);

    internal abstract void Complete();

    internal abstract void Fail(Exception exception);
}
