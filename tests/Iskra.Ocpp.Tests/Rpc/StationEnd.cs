using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Iskra.Ocpp.Tests.Rpc;

/// <summary>The station's side of a test connection: sends and reads raw text frames.</summary>
internal sealed class StationEnd(WebSocket socket)
{
    public WebSocket Socket { get; } = socket;

    public Task SendAsync(string text) =>
        Socket.SendAsync(Encoding.UTF8.GetBytes(text).AsMemory(), WebSocketMessageType.Text, true, Timeout()).AsTask();

    public Task SendBytesAsync(byte[] bytes, WebSocketMessageType type) =>
        Socket.SendAsync(bytes.AsMemory(), type, true, Timeout()).AsTask();

    /// <summary>The next text frame, or null when the server closed (then <see cref="WebSocket.CloseStatus"/> tells why).</summary>
    public async Task<string?> ReceiveAsync()
    {
        var buffer = new byte[256 * 1024];
        var count = 0;
        while (true)
        {
            var result = await Socket.ReceiveAsync(buffer.AsMemory(count), Timeout());
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            count += result.Count;
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(buffer, 0, count);
            }
        }
    }

    public async Task<JsonElement> ReceiveJsonAsync()
    {
        var text = await ReceiveAsync();
        Assert.NotNull(text);
        return JsonElement.Parse(text);
    }

    /// <summary>Reads frames until the server's close frame arrives and returns its status.</summary>
    public async Task<WebSocketCloseStatus?> ReceiveCloseAsync()
    {
        while (await ReceiveAsync() is not null)
        {
        }

        return Socket.CloseStatus;
    }

    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token;
}
