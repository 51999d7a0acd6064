using System.Buffers.Text;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json;
using Iskra.Ocpp;

namespace Iskra.Simulator.Swarm;

/// <summary>
/// One station of the swarm: a WebSocket, a send buffer, a table of calls awaiting their answer and a
/// charging session reduced to a few numbers. It does not wait for an answer before the next call
/// (<see cref="SendAsync"/>, open loop), or does (<see cref="CallAsync"/>, as a replaying station).
/// Latency runs from the scheduled send time. No station model, no validation: a deliberately light
/// mode for thousands of stations in one process; <see cref="Stations.SimStation"/> is the faithful one.
/// </summary>
public sealed class SwarmStation(string id, OcppVersion version, int index, SwarmStats stats) : IAsyncDisposable
{
    private const int BufferBytes = 2048;
    private const int MaxFrameBytes = 1 << 20;
    private static readonly TimeSpan StopWaitLimit = TimeSpan.FromSeconds(30);

    private readonly SwarmCalls _calls = new(id);
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly byte[] _send = new byte[BufferBytes];
    private byte[] _receive = new byte[BufferBytes];
    private ClientWebSocket? _socket;
    private Task _receiving = Task.CompletedTask;
    private SwarmSession _session;
    private int _answeredTransactionId;
    private int _nextMessageId;
    private int _sessions;
    private bool _inSession;
    private int _sending;
    private TaskCompletionSource<bool>? _startAnswer;
    private volatile bool _leaving;

    private static long _answersReceived;
    private static long _resultsReceived;

    public string Id { get; } = id;

    /// <summary>
    /// Every CALLRESULT and CALLERROR received by any swarm station in this process, late ones (after
    /// their timeout) included: sampled over a window it is the rate the server actually answered at.
    /// </summary>
    public static long AnswersReceived => Interlocked.Read(ref _answersReceived);

    /// <summary>The CALLRESULTs among <see cref="AnswersReceived"/>: calls the server served, late ones included.</summary>
    public static long ResultsReceived => Interlocked.Read(ref _resultsReceived);

    public OcppVersion Version { get; } = version;

    /// <summary>Where answers, errors and latencies go; a fleet swaps it between phases.</summary>
    public SwarmStats Stats { get; set; } = stats;

    public bool IsOpen => _socket?.State == WebSocketState.Open;

    /// <summary>Calls on their way out or sent and not yet answered (nor timed out).</summary>
    public int Outstanding
    {
        get
        {
            return _calls.Count + Volatile.Read(ref _sending);
        }
    }

    /// <summary>Connects, sends BootNotification and waits for its answer; false (and counted) when any of it fails.</summary>
    public async Task<bool> ConnectAsync(SwarmConnector connector, TimeSpan timeout, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        try
        {
            _leaving = false;
            _socket = await connector.OpenAsync(Id, Version, index, limit.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or HttpRequestException or IOException or OperationCanceledException)
        {
            Stats.OnConnectFailed(Id, ex.Message);
            return false;
        }

        var socket = _socket;
        _receiving = Task.Run(() => ReceiveLoopAsync(socket), CancellationToken.None);
        return await CallAsync(SwarmStep.Boot, timeout).ConfigureAwait(false);
    }

    /// <summary>Sends <paramref name="step"/> now and returns once it is on the wire, not answered (open loop).</summary>
    public Task SendAsync(SwarmStep step, long scheduledTimestamp) => SendCoreAsync(step, scheduledTimestamp, null);

    /// <summary>Sends <paramref name="step"/> and waits for its answer: true for a CALLRESULT.</summary>
    public async Task<bool> CallAsync(SwarmStep step, TimeSpan timeout)
    {
        var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var messageId = await SendCoreAsync(step, Stopwatch.GetTimestamp(), done).ConfigureAwait(false);
        if (messageId == 0)
        {
            return false;
        }

        using var cancel = new CancellationTokenSource();
        if (await Task.WhenAny(done.Task, Task.Delay(timeout, cancel.Token)).ConfigureAwait(false) == done.Task)
        {
            await cancel.CancelAsync().ConfigureAwait(false);
            return await done.Task.ConfigureAwait(false);
        }

        _calls.Expire(messageId);
        return false;
    }

    /// <summary>Counts every call sent before <paramref name="timestamp"/> and still unanswered as a timeout.</summary>
    public void ExpireSentBefore(long timestamp) => _calls.ExpireSentBefore(timestamp);

    /// <summary>Drops the connection at once, as a power cut or a broken network does; pending calls are forgotten.</summary>
    public async Task AbortAsync()
    {
        _leaving = true;
        _socket?.Abort();
        await _receiving.ConfigureAwait(false);
        _calls.Forget();
    }

    public async ValueTask DisposeAsync()
    {
        _leaving = true;
        if (_socket is { State: WebSocketState.Open } socket)
        {
            try
            {
                using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "swarm done", limit.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException)
            {
            }
        }

        _socket?.Abort();
        await _receiving.ConfigureAwait(false);
        _socket?.Dispose();
        _calls.Forget();
        _sendLock.Dispose();
    }

    /// <returns>The message id, or 0 when nothing was sent.</returns>
    private async Task<int> SendCoreAsync(SwarmStep step, long scheduled, TaskCompletionSource<bool>? done)
    {
        Interlocked.Increment(ref _sending);
        try
        {
            return await SendNowAsync(step, scheduled, done).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _sending);
        }
    }

    private async Task<int> SendNowAsync(SwarmStep step, long scheduled, TaskCompletionSource<bool>? done)
    {
        if (step == SwarmStep.Stop && Version == OcppVersion.V16 && Volatile.Read(ref _startAnswer) is { } started)
        {
            // A 1.6 stop needs the id from StartTransaction.conf: wait for it (the latency clock runs on).
            await Task.WhenAny(started.Task, Task.Delay(StopWaitLimit)).ConfigureAwait(false);
        }

        await _sendLock.WaitAsync().ConfigureAwait(false);
        var messageId = 0;
        try
        {
            if (_socket is not { State: WebSocketState.Open } socket)
            {
                Stats.OnSkipped();
                return 0;
            }

            if (Advance(step) is not { } effective)
            {
                Stats.OnSkipped();
                return 0;
            }

            step = effective;

            if (step == SwarmStep.Start && Version == OcppVersion.V16)
            {
                // The stop of this session waits for this answer (any answer, or its timeout).
                done ??= new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                Volatile.Write(ref _startAnswer, done);
            }

            var action = SwarmFrames.ActionOf(step, Version);
            messageId = ++_nextMessageId;
            var length = SwarmFrames.WriteCall(_send, messageId, action, Version, step, _session);
            if (length < 0)
            {
                throw new InvalidOperationException($"{action} does not fit the send buffer");
            }

            if (step == SwarmStep.Stop)
            {
                _session.TransactionId16 = 0;
                _session.TransactionId201 = null;
                Volatile.Write(ref _answeredTransactionId, 0);
            }

            _calls.Add(messageId, new SwarmPending(action, scheduled, done, Stats));

            Stats.OnSent(action);
            await socket.SendAsync(_send.AsMemory(0, length), WebSocketMessageType.Text, WebSocketMessageFlags.EndOfMessage, CancellationToken.None).ConfigureAwait(false);
            return messageId;
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException)
        {
            // The receive loop counts the broken connection; this call will never be answered.
            _calls.Remove(messageId);

            done?.TrySetResult(false);
            return 0;
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>
    /// Moves the session to <paramref name="step"/> and returns what to send: outside a session a meter
    /// or stop step becomes a meter value of the station (so a station joining mid-cycle keeps the rate);
    /// null when the step cannot be spelled (a 1.6 stop whose transaction id has not come back).
    /// </summary>
    private SwarmStep? Advance(SwarmStep step)
    {
        switch (step)
        {
            case SwarmStep.Start:
                _inSession = true;
                _session.TransactionId16 = 0;
                Volatile.Write(ref _answeredTransactionId, 0);
                _session.TransactionId201 = $"{Id}-{++_sessions}";
                _session.SeqNo = 0;
                return step;
            case SwarmStep.Meter or SwarmStep.Stop or SwarmStep.StationMeter:
                _session.MeterWh += 250;
                if (!_inSession || step == SwarmStep.StationMeter)
                {
                    return SwarmStep.StationMeter;
                }

                _session.SeqNo++;
                _session.TransactionId16 = Volatile.Read(ref _answeredTransactionId);
                if (step == SwarmStep.Stop)
                {
                    _inSession = false;
                    if (Version == OcppVersion.V16 && _session.TransactionId16 == 0)
                    {
                        return null;
                    }
                }

                return step;
            default:
                return step;
        }
    }

    private async Task ReceiveLoopAsync(ClientWebSocket socket)
    {
        string? why = null;
        try
        {
            while (true)
            {
                var count = 0;
                ValueWebSocketReceiveResult part;
                do
                {
                    if (count == _receive.Length)
                    {
                        if (_receive.Length >= MaxFrameBytes)
                        {
                            throw new WebSocketException("message over 1 MiB");
                        }

                        Array.Resize(ref _receive, _receive.Length * 2);
                    }

                    part = await socket.ReceiveAsync(_receive.AsMemory(count), CancellationToken.None).ConfigureAwait(false);
                    count += part.Count;
                }
                while (!part.EndOfMessage && part.MessageType != WebSocketMessageType.Close);

                if (part.MessageType == WebSocketMessageType.Close)
                {
                    why = $"closed by the server: {socket.CloseStatus} {socket.CloseStatusDescription}";
                    break;
                }

                Handle(_receive.AsSpan(0, count));
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            why = ex.Message;
        }

        if (!_leaving)
        {
            Stats.OnClosed(Id, why ?? "?");
            _calls.Forget();
        }
    }

    private void Handle(ReadOnlySpan<byte> frame)
    {
        var now = Stopwatch.GetTimestamp();
        var reader = new Utf8JsonReader(frame);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray || !reader.Read() || !reader.TryGetInt32(out var type)
                || !reader.Read() || reader.TokenType != JsonTokenType.String)
            {
                return;
            }

            if (type == 2)
            {
                _ = AnswerNotSupportedAsync(reader.GetString()!);
                return;
            }

            Interlocked.Increment(ref _answersReceived);
            if (type == 3)
            {
                Interlocked.Increment(ref _resultsReceived);
            }

            if (!Utf8Parser.TryParse(reader.ValueSpan, out int messageId, out _))
            {
                return;
            }

            if (!_calls.TryTake(messageId, out var p))
            {
                return; // answered after its timeout: already counted
            }

            if (type == 3)
            {
                p.Stats.OnAnswered(p.Action, (now - p.Scheduled) * 1_000_000 / Stopwatch.Frequency);
                if (p.Action == SwarmAction.StartTransaction)
                {
                    Volatile.Write(ref _answeredTransactionId, TransactionIdOf(ref reader));
                }
            }
            else
            {
                var code = reader.Read() && reader.TokenType == JsonTokenType.String ? reader.GetString() : "?";
                p.Stats.OnCallError(Id, p.Action, code ?? "?");
            }

            p.Done?.TrySetResult(type == 3);
        }
        catch (JsonException)
        {
        }
    }

    /// <summary>The transactionId of a StartTransaction.conf payload (0 when absent).</summary>
    private static int TransactionIdOf(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return 0;
        }

        var depth = reader.CurrentDepth;
        while (reader.Read() && reader.CurrentDepth > depth)
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == depth + 1 && reader.ValueTextEquals("transactionId"u8))
            {
                return reader.Read() && reader.TryGetInt32(out var id) ? id : 0;
            }
        }

        return 0;
    }

    private async Task AnswerNotSupportedAsync(string messageId)
    {
        await _sendLock.WaitAsync().ConfigureAwait(false);
        try
        {
            var length = SwarmFrames.WriteNotSupported(_send, messageId);
            if (length > 0 && _socket is { State: WebSocketState.Open } socket)
            {
                await socket.SendAsync(_send.AsMemory(0, length), WebSocketMessageType.Text, WebSocketMessageFlags.EndOfMessage, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException)
        {
        }
        finally
        {
            _sendLock.Release();
        }
    }
}
