using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Iskra.Server.Tests.Transport;

/// <summary>
/// A WebSocket handshake written by hand over TCP, so the request target is sent exactly as given
/// (ClientWebSocket and Uri would normalize "/ocpp/.."), and the whole response can be read.
/// </summary>
internal sealed class RawHandshake : IDisposable
{
    private readonly TcpClient _tcp;

    private RawHandshake(TcpClient tcp, int status, Dictionary<string, string> headers, string body)
    {
        _tcp = tcp;
        Status = status;
        Headers = headers;
        Body = body;
    }

    public int Status { get; }

    /// <summary>Response headers, names lower-cased.</summary>
    public Dictionary<string, string> Headers { get; }

    public string Body { get; }

    /// <summary>The open connection (after a 101 it carries WebSocket frames).</summary>
    public NetworkStream Stream => _tcp.GetStream();

    public static async Task<RawHandshake> SendAsync(int port, string target, string? subprotocols = "ocpp1.6", string? authorization = null, string? extensions = null, bool upgrade = true)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port, TestContext.Current.CancellationToken);
        var request = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n");
        if (upgrade)
        {
            request.Append("Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\n")
                .Append("Sec-WebSocket-Key: ").Append(Convert.ToBase64String(Guid.NewGuid().ToByteArray())).Append("\r\n");
        }

        AppendHeader(request, "Sec-WebSocket-Protocol", subprotocols);
        AppendHeader(request, "Authorization", authorization);
        AppendHeader(request, "Sec-WebSocket-Extensions", extensions);
        request.Append("\r\n");
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request.ToString()), TestContext.Current.CancellationToken);

        var head = await ReadHeadAsync(stream);
        var lines = head.Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon].Trim().ToLowerInvariant()] = line[(colon + 1)..].Trim();
        }

        var body = string.Empty;
        if (headers.TryGetValue("content-length", out var length))
        {
            var bytes = new byte[int.Parse(length, CultureInfo.InvariantCulture)];
            await stream.ReadExactlyAsync(bytes, TestContext.Current.CancellationToken);
            body = Encoding.UTF8.GetString(bytes);
        }

        return new RawHandshake(tcp, status, headers, body);
    }

    public void Dispose() => _tcp.Dispose();

    private static void AppendHeader(StringBuilder request, string name, string? value)
    {
        if (value is not null)
        {
            request.Append(name).Append(": ").Append(value).Append("\r\n");
        }
    }

    private static async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (head.Count < 4 || head[^4] != '\r' || head[^3] != '\n' || head[^2] != '\r' || head[^1] != '\n')
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            if (await stream.ReadAsync(one, timeout.Token) == 0)
            {
                throw new IOException("The server closed the connection during the handshake.");
            }

            head.Add(one[0]);
        }

        return Encoding.ASCII.GetString(head.ToArray(), 0, head.Count - 4);
    }
}
