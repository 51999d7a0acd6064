namespace Iskra.Csms.Storage;

/// <summary>A <see cref="StorageWork"/> with a result, delivered once the batch that holds it is durable.</summary>
internal sealed class StorageWork<TState, TResult>(
    TState state,
    Func<IskraDbContext, TState, CancellationToken, ValueTask<TResult>> apply) : StorageWork
{
    private readonly TaskCompletionSource<TResult> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TResult? _result;

    public Task<TResult> Task => _done.Task;

    internal override async ValueTask ApplyAsync(IskraDbContext db, CancellationToken cancellationToken) =>
        _result = await apply(db, state, cancellationToken).ConfigureAwait(false);

    internal override void Complete() => _done.TrySetResult(_result!);

    internal override void Fail(Exception exception) => _done.TrySetException(exception);
}
