using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Channels;

namespace Iskra.Ocpp.Rpc;

/// <summary>
/// One station's OCPP-J connection: the receive loop, the in-order answering of its CALLs, the
/// single writer, and our own CALLs to it (one outstanding at a time, the others wait in order).
/// </summary>
public sealed class RpcChannel : IAsyncDisposable
{
    private const int InitialReceiveBuffer = 4096;
    private const string InternalErrorText = "An internal error occurred while processing the request.";

    private readonly WebSocket _socket;
    private readonly IRpcCallHandler _handler;
    private readonly IRpcObserver? _observer;
    private readonly RpcChannelOptions _options;
    private readonly TimeProvider _time;
    private readonly FloodGuard _flood;
    private readonly RpcSender _sender;
    private readonly OutgoingCalls _calls;
    private readonly Channel<Inbound> _inbox;
    private readonly TaskCompletionSource _receiveEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _lastReceivedTicks;
    private int _running;
    private int _closed;

    public RpcChannel(WebSocket socket, OcppVersion version, IRpcCallHandler handler, IRpcObserver? observer, RpcChannelOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(socket);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _socket = socket;
        Version = version;
        _handler = handler;
        _observer = observer;
        _options = options;
        _time = time;
        _sender = new RpcSender(socket, observer);
        _calls = new OutgoingCalls(_sender, version, time, options.MessageIds);
        _flood = options.FloodGuard ?? new FloodGuard(options.MaxMessagesPerSecond, options.MessageBurst, time);
        _inbox = Channel.CreateBounded<Inbound>(new BoundedChannelOptions(options.MaxQueuedCalls)
        {
            SingleReader = true,
            SingleWriter = true,
        });
        _lastReceivedTicks = time.GetUtcNow().UtcTicks;
    }

    public OcppVersion Version { get; }

    /// <summary>When the last message arrived (or the channel was created).</summary>
    public DateTimeOffset LastReceivedAt => new(Interlocked.Read(ref _lastReceivedTicks), TimeSpan.Zero);

    public bool IsOpen => Volatile.Read(ref _closed) == 0 && _socket.State == WebSocketState.Open;

    /// <summary>
    /// Runs the connection until the socket closes: receives frames, answers CALLs in order,
    /// completes our pending CALL. On exit a pending CALL fails with <see cref="StationDisconnectedException"/>.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _running, 1) == 1)
        {
            throw new InvalidOperationException("The channel is already running.");
        }

        var answering = AnswerCallsAsync(cancellationToken);
        try
        {
            await ReceiveLoopAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Shutting down (a cancelled receive aborts the socket), or the socket was aborted.
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or IOException)
        {
            Problem($"The connection failed: {ex.Message}");
        }
        finally
        {
            MarkClosed();
            _receiveEnded.TrySetResult();
            await answering.ConfigureAwait(false);
        }
    }

    /// <summary>Sends a CALL and waits for its CALLRESULT payload (owned by the caller).</summary>
    /// <exception cref="OcppCallErrorException">The station answered with a CALLERROR.</exception>
    /// <exception cref="OcppCallTimeoutException">No answer within the timeout (default <see cref="RpcChannelOptions.CallTimeout"/>).</exception>
    /// <exception cref="StationDisconnectedException">The channel is closed or closed while waiting.</exception>
    public Task<JsonElement> CallAsync(string action, object payload, JsonTypeInfo typeInfo, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(action);
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(typeInfo);
        return _calls.CallAsync(action, (output, id) => OcppFrameWriter.WriteCall(output, id, action, payload, typeInfo), timeout ?? _options.CallTimeout, cancellationToken);
    }

    /// <inheritdoc cref="CallAsync(string, object, JsonTypeInfo, TimeSpan?, CancellationToken)"/>
    public Task<JsonElement> CallAsync(string action, JsonElement payload, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(action);
        if (payload.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException("An OCPP payload is a JSON object.", nameof(payload));
        }

        return _calls.CallAsync(action, (output, id) => OcppFrameWriter.WriteCall(output, id, action, payload), timeout ?? _options.CallTimeout, cancellationToken);
    }

    /// <summary>
    /// Closes the connection: no further calls, the pending one fails, a close frame goes out and we
    /// wait up to <see cref="RpcChannelOptions.CloseTimeout"/> for the peer's, then abort.
    /// </summary>
    public async Task CloseAsync(WebSocketCloseStatus status, string description, CancellationToken cancellationToken)
    {
        MarkClosed();
        await _sender.SendCloseAsync(status, description).ConfigureAwait(false);
        try
        {
            await _receiveEnded.Task.WaitAsync(_options.CloseTimeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _socket.Abort();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            await CloseAsync(WebSocketCloseStatus.NormalClosure, string.Empty, CancellationToken.None).ConfigureAwait(false);
        }

        MarkClosed();
        _socket.Dispose();
    }

    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        var limit = _options.MaxFrameBytes + 1;
        while (true)
        {
            if (_options.ReceiveGate is { } gate)
            {
                await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            // An idle station holds no buffer: wait for the next frame's header with a zero-byte read.
            var head = await _socket.ReceiveAsync(Memory<byte>.Empty, cancellationToken).ConfigureAwait(false);
            if (head.MessageType == WebSocketMessageType.Close)
            {
                await AnswerCloseAsync().ConfigureAwait(false);
                return;
            }

            if (!_flood.TryTake())
            {
                await CloseForViolationAsync(WebSocketCloseStatus.PolicyViolation, "Too many messages.", cancellationToken).ConfigureAwait(false);
                return;
            }

            if (head.MessageType == WebSocketMessageType.Binary)
            {
                // OCPP-J 1.6 §3.4 / 2.0.1 §3.1: messages are text frames.
                await CloseForViolationAsync(WebSocketCloseStatus.InvalidMessageType, "Binary frames are not OCPP-J.", cancellationToken).ConfigureAwait(false);
                return;
            }

            var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(InitialReceiveBuffer, limit));
            Inbound? inbound;
            try
            {
                var count = 0;
                var end = head.EndOfMessage;
                while (!end && count < limit)
                {
                    if (count == buffer.Length)
                    {
                        buffer = Grow(buffer, Math.Min(buffer.Length * 2, limit));
                    }

                    var space = buffer.AsMemory(count, Math.Min(buffer.Length, limit) - count);
                    var part = await _socket.ReceiveAsync(space, cancellationToken).ConfigureAwait(false);
                    if (part.MessageType == WebSocketMessageType.Close)
                    {
                        await AnswerCloseAsync().ConfigureAwait(false);
                        return;
                    }

                    count += part.Count;
                    end = part.EndOfMessage;
                }

                if (count > _options.MaxFrameBytes)
                {
                    await CloseForViolationAsync(WebSocketCloseStatus.MessageTooBig, $"Messages are limited to {_options.MaxFrameBytes} bytes.", cancellationToken).ConfigureAwait(false);
                    return;
                }

                inbound = Read(buffer.AsSpan(0, count));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            if (inbound is { } item)
            {
                await _inbox.Writer.WriteAsync(item, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Logs, parses and routes one received frame; a CALL or an answerable bad frame goes to the inbox.</summary>
    private Inbound? Read(ReadOnlySpan<byte> utf8Frame)
    {
        Interlocked.Exchange(ref _lastReceivedTicks, _time.GetUtcNow().UtcTicks);
        _observer?.OnFrame(RpcFrameDirection.Incoming, utf8Frame);
        if (!OcppFrame.TryParse(utf8Frame, Version, out var frame, out var error))
        {
            Problem(error.Description);

            // A broken CALLRESULT or CALLERROR is not answered: a CALLERROR answers a CALL only.
            return error.MessageType is null or OcppMessageType.Call ? new Inbound(null, error) : null;
        }

        if (frame.MessageType == OcppMessageType.Call)
        {
            return new Inbound(frame.ToCall(), default);
        }

        if (!_calls.TryComplete(frame))
        {
            Problem($"A {frame.MessageType} for an unknown message id was ignored.");
        }

        return null;
    }

    /// <summary>Answers the inbox in order, one CALL at a time: exactly one CALLRESULT or CALLERROR each.</summary>
    private async Task AnswerCallsAsync(CancellationToken cancellationToken)
    {
        await foreach (var item in _inbox.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            if (Volatile.Read(ref _closed) != 0)
            {
                continue; // nobody left to answer; the station resends what it did not get answered
            }

            if (item.Call is not { } call)
            {
                await _sender.SendAsync(output => OcppFrameWriter.WriteCallError(output, item.Error.MessageId, item.Error.Code, Version, item.Error.Description)).ConfigureAwait(false);
                continue;
            }

            RpcReply reply;
            try
            {
                reply = await _handler.HandleAsync(call, cancellationToken).ConfigureAwait(false);
            }
            catch (OcppException ex)
            {
                reply = RpcReply.Error(ex.ErrorCode, ex.Description, ex.Details);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                continue;
            }
            catch (Exception ex)
            {
                _observer?.OnHandlerFailed(call, ex);
                reply = RpcReply.Error(OcppErrorCode.InternalError, InternalErrorText);
            }

            await _sender.SendAsync(output => WriteReply(output, call, reply)).ConfigureAwait(false);
        }
    }

    private void WriteReply(PooledBufferWriter output, RpcCall call, RpcReply reply)
    {
        try
        {
            if (reply.IsError)
            {
                OcppFrameWriter.WriteCallError(output, call.MessageId, reply.ErrorCode, Version, reply.ErrorDescription!, reply.ErrorDetails);
            }
            else if (reply.TypeInfo is { } typeInfo)
            {
                OcppFrameWriter.WriteCallResult(output, call.MessageId, reply.Value!, typeInfo);
            }
            else
            {
                OcppFrameWriter.WriteCallResult(output, call.MessageId, reply.Payload);
            }
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            _observer?.OnHandlerFailed(call, ex);
            output.Clear();
            OcppFrameWriter.WriteCallError(output, call.MessageId, OcppErrorCode.InternalError, Version, InternalErrorText);
        }
    }

    /// <summary>The peer closed: answer with its status (RFC 6455 §5.5.1).</summary>
    private Task AnswerCloseAsync()
    {
        MarkClosed();
        return _sender.SendCloseAsync(_socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure, string.Empty);
    }

    /// <summary>Closes with a close code for the peer's fault and drains until its close frame, or aborts.</summary>
    private async Task CloseForViolationAsync(WebSocketCloseStatus status, string description, CancellationToken cancellationToken)
    {
        Problem(description);
        MarkClosed();
        await _sender.SendCloseAsync(status, description).ConfigureAwait(false);
        using var timer = new CancellationTokenSource(_options.CloseTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        var scratch = ArrayPool<byte>.Shared.Rent(InitialReceiveBuffer);
        try
        {
            while (_socket.State == WebSocketState.CloseSent)
            {
                var result = await _socket.ReceiveAsync(scratch.AsMemory(), linked.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException)
        {
            _socket.Abort();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    private void MarkClosed()
    {
        if (Interlocked.Exchange(ref _closed, 1) == 1)
        {
            return;
        }

        _inbox.Writer.TryComplete();
        _calls.Close();
    }

    private void Problem(string description) => _observer?.OnProtocolProblem(description);

    private static byte[] Grow(byte[] buffer, int size)
    {
        var grown = ArrayPool<byte>.Shared.Rent(size);
        buffer.CopyTo(grown, 0);
        ArrayPool<byte>.Shared.Return(buffer);
        return grown;
    }

    /// <summary>A received CALL to answer, or (Call null) a bad frame to answer with a CALLERROR.</summary>
    private readonly record struct Inbound(RpcCall? Call, OcppFrameError Error);
}
