namespace Iskra.Ocpp.Rpc;

/// <summary>
/// An async lock whose waiters enter strictly in arrival order (SemaphoreSlim does not promise an
/// order). A waiter that is cancelled before its turn leaves the queue.
/// </summary>
internal sealed class FifoGate
{
    private readonly Lock _lock = new();
    private readonly LinkedList<TaskCompletionSource> _waiters = new();
    private bool _held;

    public async ValueTask EnterAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        LinkedListNode<TaskCompletionSource> node;
        lock (_lock)
        {
            if (!_held)
            {
                _held = true;
                return;
            }

            node = _waiters.AddLast(new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        }

        using (cancellationToken.Register(() => Abandon(node, cancellationToken)))
        {
            // Either our turn came (we hold the gate) or we left the queue cancelled (we do not).
            await node.Value.Task.ConfigureAwait(false);
        }
    }

    public void Release()
    {
        TaskCompletionSource? next = null;
        lock (_lock)
        {
            if (_waiters.First is { } first)
            {
                _waiters.RemoveFirst();
                next = first.Value;
            }
            else
            {
                _held = false;
            }
        }

        // The gate passes straight to the next waiter; it never becomes free in between.
        next?.SetResult();
    }

    private void Abandon(LinkedListNode<TaskCompletionSource> node, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (node.List is null)
            {
                return; // already handed the gate
            }

            _waiters.Remove(node);
        }

        node.Value.SetCanceled(cancellationToken);
    }
}
