using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Iskra.Server.Tests.Transport;

/// <summary>Text-frame helpers for a test station's ClientWebSocket.</summary>
internal static class ClientFrames
{
    public static Task SendTextAsync(this WebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text).AsMemory(), WebSocketMessageType.Text, true, TestContext.Current.CancellationToken).AsTask();

    /// <summary>The next text frame, or null when the server closed.</summary>
    public static async Task<string?> ReceiveTextAsync(this WebSocket socket)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        var buffer = new byte[128 * 1024];
        var count = 0;
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.AsMemory(count), timeout.Token);
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

    public static async Task<JsonElement> ReceiveJsonAsync(this WebSocket socket)
    {
        var text = await socket.ReceiveTextAsync();
        Assert.NotNull(text);
        return JsonElement.Parse(text);
    }

    /// <summary>Reads until the server's close frame and returns its status.</summary>
    public static async Task<WebSocketCloseStatus?> ReceiveCloseAsync(this WebSocket socket)
    {
        while (await socket.ReceiveTextAsync() is not null)
        {
        }

        return socket.CloseStatus;
    }

    public static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(25, TestContext.Current.CancellationToken);
        }

        Assert.True(condition());
    }
}
