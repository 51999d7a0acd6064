using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Iskra.Ocpp;
using Iskra.Server.Tests.Transport;

namespace Iskra.Server.Tests.Infrastructure;

/// <summary>
/// A station made of a real ClientWebSocket: sends CALLs, checks that each answer is the CALLRESULT
/// of that call, and validates its payload against the official schema.
/// </summary>
public sealed class TestStation : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private int _nextId;

    private TestStation(ClientWebSocket socket, OcppVersion version)
    {
        _socket = socket;
        Version = version;
    }

    public OcppVersion Version { get; }

    public WebSocket Socket => _socket;

    public static Task<TestStation> ConnectAsync(IskraServer server, string stationId, OcppVersion version, string? password = null) =>
        ConnectAsync(server.OcppUri(stationId), stationId, version, password);

    /// <summary>Connects to <paramref name="uri"/>; <paramref name="configure"/> sets TLS options (trusted CA, client certificate) for <c>wss://</c>.</summary>
    public static async Task<TestStation> ConnectAsync(Uri uri, string stationId, OcppVersion version, string? password = null, Action<ClientWebSocketOptions>? configure = null)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol(version.Subprotocol());
        configure?.Invoke(socket.Options);
        if (password is not null)
        {
            socket.Options.SetRequestHeader("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{stationId}:{password}")));
        }

        await socket.ConnectAsync(uri, TestContext.Current.CancellationToken);
        return new TestStation(socket, version);
    }

    /// <summary>Sends a CALL and returns the CALLRESULT payload, validated against the official response schema.</summary>
    public async Task<JsonElement> CallAsync(string action, string payload)
    {
        var id = "m" + Interlocked.Increment(ref _nextId);
        var reply = await SendRawAsync($"[2,\"{id}\",\"{action}\",{payload}]");
        Assert.True(reply[0].GetInt32() == 3, $"{action} was answered with {reply}");
        Assert.Equal(id, reply[1].GetString());
        await SchemaOracle.AssertValidAsync(Version, action, response: true, reply[2]);
        return reply[2];
    }

    /// <summary>Sends a CALL and returns the CALLERROR's error code, checking the frame's shape.</summary>
    public async Task<string> CallExpectingErrorAsync(string action, string payload)
    {
        var id = "e" + Interlocked.Increment(ref _nextId);
        var reply = await SendRawAsync($"[2,\"{id}\",\"{action}\",{payload}]");
        AssertCallError(reply, id);
        return reply[2].GetString()!;
    }

    /// <summary>Sends any text and returns the next frame from the server as JSON.</summary>
    public async Task<JsonElement> SendRawAsync(string frame)
    {
        await _socket.SendTextAsync(frame);
        return await _socket.ReceiveJsonAsync();
    }

    public static void AssertCallError(JsonElement reply, string id)
    {
        Assert.Equal(5, reply.GetArrayLength());
        Assert.Equal(4, reply[0].GetInt32());
        Assert.Equal(id, reply[1].GetString());
        Assert.Equal(JsonValueKind.String, reply[2].ValueKind);
        Assert.Equal(JsonValueKind.String, reply[3].ValueKind);
        Assert.Equal(JsonValueKind.Object, reply[4].ValueKind);
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
            }
            catch (WebSocketException)
            {
                // The server may already be gone; nothing to close then.
            }
        }

        _socket.Dispose();
    }
}
