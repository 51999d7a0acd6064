using System.Text.Json;

namespace Iskra.Ocpp.Rpc;

/// <summary>
/// Our CALLs to one station: at most one outstanding (OCPP-J 1.6 §4.1.1, 2.0.1 §4.1.1), the others
/// wait their turn in arrival order, and the wait counts against each call's timeout.
/// </summary>
internal sealed class OutgoingCalls(RpcSender sender, OcppVersion version, TimeProvider time, Func<string>? messageIds = null)
{
    private readonly FifoGate _gate = new();
    private PendingCall? _pending;
    private int _closed;

    public bool IsClosed => Volatile.Read(ref _closed) != 0;

    public async Task<JsonElement> CallAsync(string action, Action<PooledBufferWriter, string> write, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ThrowIfClosed();
        using var timer = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            await _gate.EnterAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new OcppCallTimeoutException(action, timeout);
        }

        var pending = new PendingCall(messageIds is null ? Guid.NewGuid().ToString("D") : messageIds(), action, version);
        try
        {
            ThrowIfClosed();
            Volatile.Write(ref _pending, pending);
            ThrowIfClosed(); // Close may have run just before _pending was set
            if (!await sender.SendAsync(output => write(output, pending.MessageId)).ConfigureAwait(false))
            {
                throw new StationDisconnectedException("The station disconnected before the call was sent.");
            }

            return await pending.Outcome.WaitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new OcppCallTimeoutException(action, timeout);
        }
        finally
        {
            Interlocked.CompareExchange(ref _pending, null, pending);
            _gate.Release();
        }
    }

    /// <summary>Completes the outstanding call with its CALLRESULT or CALLERROR; false for any other id (a late or unknown answer).</summary>
    public bool TryComplete(OcppFrame answer)
    {
        var pending = Volatile.Read(ref _pending);
        if (pending is null || pending.MessageId != answer.MessageId
            || Interlocked.CompareExchange(ref _pending, null, pending) != pending)
        {
            return false;
        }

        pending.Complete(answer);
        return true;
    }

    /// <summary>No more calls: the outstanding one fails, waiting and later ones fail at once.</summary>
    public void Close()
    {
        if (Interlocked.Exchange(ref _closed, 1) == 0)
        {
            Interlocked.Exchange(ref _pending, null)?.Fail(new StationDisconnectedException("The station disconnected before answering."));
        }
    }

    private void ThrowIfClosed()
    {
        if (IsClosed)
        {
            throw new StationDisconnectedException();
        }
    }
}
