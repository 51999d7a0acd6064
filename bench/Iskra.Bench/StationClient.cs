using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Iskra.Bench;

internal enum CallStatus
{
    Result,
    CallError,
    Timeout,
    Closed,
}

/// <summary>One simulated OCPP 1.6 station: a ClientWebSocket, one outstanding CALL at a time.</summary>
internal sealed class StationClient : IAsyncDisposable
{
    private static readonly TimeSpan NoTimeout = Timeout.InfiniteTimeSpan;

    private readonly ClientWebSocket _socket;
    private readonly CancellationTokenSource _timeout = new();
    private byte[] _receive = new byte[4096];
    private readonly byte[] _send = new byte[4096];
    private long _sequence;

    private StationClient(string id, ClientWebSocket socket)
    {
        Id = id;
        _socket = socket;
    }

    public string Id { get; }

    public string? LastError { get; private set; }

    public bool Compressed { get; private set; }

    public static async Task<StationClient> ConnectAsync(Uri server, string id, bool deflate, HttpMessageInvoker invoker, CancellationToken ct)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("ocpp1.6");
        // The server pings after a minute of silence; the station does not ping on its own.
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        if (deflate)
        {
            socket.Options.DangerousDeflateOptions = new WebSocketDeflateOptions();
            socket.Options.CollectHttpResponseDetails = true;
        }

        var builder = new UriBuilder(server) { Scheme = server.Scheme == "https" ? "wss" : "ws", Path = "/ocpp/" + id };
        try
        {
            await socket.ConnectAsync(builder.Uri, invoker, ct).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var compressed = socket.HttpResponseHeaders is { } headers && headers.TryGetValue("Sec-WebSocket-Extensions", out var extensions)
            && extensions.Any(e => e.Contains("permessage-deflate", StringComparison.OrdinalIgnoreCase));
        socket.HttpResponseHeaders = null;
        return new StationClient(id, socket) { Compressed = compressed };
    }

    /// <summary>An invoker whose connections leave from <paramref name="local"/> (null: let the kernel choose).</summary>
    public static HttpMessageInvoker CreateInvoker(IPAddress? local) => new(new SocketsHttpHandler
    {
        UseProxy = false,
        ConnectTimeout = TimeSpan.FromSeconds(30),
        ConnectCallback = async (context, ct) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                if (local is not null)
                {
                    socket.Bind(new IPEndPoint(local, 0));
                }

                await socket.ConnectAsync(IPAddress.Parse(context.DnsEndPoint.Host), context.DnsEndPoint.Port, ct).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    });

    /// <summary>Sends one CALL and waits for its CALLRESULT or CALLERROR, answering CALLs from the server meanwhile.</summary>
    public async Task<CallStatus> CallAsync(string action, string payloadJson, TimeSpan timeout)
    {
        if (!_timeout.TryReset())
        {
            LastError = "timeout source could not be reset";
            return CallStatus.Timeout;
        }

        _timeout.CancelAfter(timeout);
        var ct = _timeout.Token;
        var id = (++_sequence).ToString(CultureInfo.InvariantCulture);
        try
        {
            var length = Encoding.UTF8.GetBytes($"[2,\"{id}\",\"{action}\",{payloadJson}]", _send);
            await _socket.SendAsync(_send.AsMemory(0, length), WebSocketMessageType.Text, WebSocketMessageFlags.EndOfMessage, ct).ConfigureAwait(false);
            for (var frames = 0; frames < 1000; frames++)
            {
                var received = await ReceiveAsync(ct).ConfigureAwait(false);
                if (received < 0)
                {
                    LastError = $"closed by server: {_socket.CloseStatus} {_socket.CloseStatusDescription}";
                    return CallStatus.Closed;
                }

                var (type, messageId, errorCode) = Parse(_receive.AsSpan(0, received));
                if (type == 2)
                {
                    await AnswerNotSupportedAsync(messageId, ct).ConfigureAwait(false);
                    continue;
                }

                if (messageId != id)
                {
                    continue;
                }

                if (type == 3)
                {
                    return CallStatus.Result;
                }

                LastError = $"{action}: CALLERROR {errorCode}";
                return CallStatus.CallError;
            }

            LastError = "no answer within 1000 frames";
            return CallStatus.CallError;
        }
        catch (OperationCanceledException)
        {
            LastError = $"{action}: no answer within {timeout.TotalSeconds} s";
            return CallStatus.Timeout;
        }
        catch (Exception ex) when (ex is WebSocketException or IOException)
        {
            LastError = $"{action}: {ex.Message}";
            return CallStatus.Closed;
        }
        finally
        {
            _timeout.CancelAfter(NoTimeout);
        }
    }

    /// <summary>
    /// Stays connected and idle: a receive is always pending (so the server's pings are answered),
    /// CALLs from the server are answered NotSupported. Ends when the socket closes or on <paramref name="ct"/>.
    /// </summary>
    public async Task IdleAsync(CancellationToken ct)
    {
        try
        {
            while (true)
            {
                var received = await ReceiveAsync(ct).ConfigureAwait(false);
                if (received < 0)
                {
                    LastError = $"closed by server: {_socket.CloseStatus} {_socket.CloseStatusDescription}";
                    return;
                }

                var (type, messageId, _) = Parse(_receive.AsSpan(0, received));
                if (type == 2)
                {
                    await AnswerNotSupportedAsync(messageId, ct).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex) when (ex is WebSocketException or IOException)
        {
            LastError = ex.Message;
        }
    }

    private async Task AnswerNotSupportedAsync(string messageId, CancellationToken ct)
    {
        var length = Encoding.UTF8.GetBytes($"[4,\"{messageId}\",\"NotSupported\",\"bench station\",{{}}]", _send);
        await _socket.SendAsync(_send.AsMemory(0, length), WebSocketMessageType.Text, WebSocketMessageFlags.EndOfMessage, ct).ConfigureAwait(false);
    }

    /// <summary>Receives one whole message into <see cref="_receive"/>; -1 when the socket closed.</summary>
    private async Task<int> ReceiveAsync(CancellationToken ct)
    {
        var count = 0;
        while (true)
        {
            if (count == _receive.Length)
            {
                if (_receive.Length >= 1 << 20)
                {
                    throw new WebSocketException("message over 1 MiB");
                }

                Array.Resize(ref _receive, _receive.Length * 2);
            }

            var result = await _socket.ReceiveAsync(_receive.AsMemory(count), ct).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return -1;
            }

            count += result.Count;
            if (result.EndOfMessage)
            {
                return count;
            }
        }
    }

    private static (int Type, string Id, string? ErrorCode) Parse(ReadOnlySpan<byte> frame)
    {
        try
        {
            var reader = new Utf8JsonReader(frame);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray || !reader.Read() || reader.TokenType != JsonTokenType.Number)
            {
                return (0, "", null);
            }

            var type = reader.GetInt32();
            if (!reader.Read() || reader.TokenType != JsonTokenType.String)
            {
                return (type, "", null);
            }

            var id = reader.GetString() ?? "";
            string? code = null;
            if (type == 4 && reader.Read() && reader.TokenType == JsonTokenType.String)
            {
                code = reader.GetString();
            }

            return (type, id, code);
        }
        catch (JsonException)
        {
            return (0, "", null);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bench done", cts.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
        }

        _socket.Dispose();
        _timeout.Dispose();
    }
}
