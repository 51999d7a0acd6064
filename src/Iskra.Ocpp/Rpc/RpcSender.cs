using System.Net.WebSockets;

namespace Iskra.Ocpp.Rpc;

/// <summary>
/// The single writer of a connection: every frame goes out here, whole and one at a time, and is
/// shown to the observer in wire order. The close frame goes through the same path.
/// </summary>
internal sealed class RpcSender(WebSocket socket, IRpcObserver? observer)
{
    private readonly FifoGate _lock = new();
    private int _closeSent;

    /// <summary>Writes a frame and sends it; false when the connection can no longer send.</summary>
    public async ValueTask<bool> SendAsync(Action<PooledBufferWriter> write)
    {
        using var frame = new PooledBufferWriter();
        write(frame);
        await _lock.EnterAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            if (socket.State != WebSocketState.Open || Volatile.Read(ref _closeSent) != 0)
            {
                return false;
            }

            observer?.OnFrame(RpcFrameDirection.Outgoing, frame.WrittenSpan);

            // Not cancellable: a cancelled send aborts the whole WebSocket. A send stuck on a dead
            // peer ends when the keep-alive timeout aborts the socket.
            await socket.SendAsync(frame.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or IOException or OperationCanceledException)
        {
            observer?.OnProtocolProblem($"Sending failed: {ex.Message}");
            return false;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Sends our close frame once; later frames are not sent.</summary>
    public async Task SendCloseAsync(WebSocketCloseStatus status, string description)
    {
        if (Interlocked.Exchange(ref _closeSent, 1) == 1)
        {
            return;
        }

        await _lock.EnterAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(status, description, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or IOException or OperationCanceledException)
        {
            // The peer is gone already; there is nothing left to close.
        }
        finally
        {
            _lock.Release();
        }
    }
}
