using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Transport;

/// <summary>
/// Connects a station from a chosen loopback source address (127.0.0.x), the way the load bench's
/// swarm models many addresses, so tests can tell one peer from another on 127.0.0.1.
/// </summary>
internal static class FromAddress
{
    public static async Task<ClientWebSocket> ConnectAsync(IskraServer server, string stationId, string? password, string localAddress, OcppVersion version = OcppVersion.V16)
    {
        var local = IPAddress.Parse(localAddress);
        // Not disposed here: the upgraded connection outlives the call, and the handler goes with the test.
        var invoker = new HttpMessageInvoker(new SocketsHttpHandler
        {
            UseProxy = false,
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(local, 0));
                    await socket.ConnectAsync(IPAddress.Parse(context.DnsEndPoint.Host), context.DnsEndPoint.Port, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        });
        var client = new ClientWebSocket();
        client.Options.AddSubProtocol(version.Subprotocol());
        if (password is not null)
        {
            client.Options.SetRequestHeader("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{stationId}:{password}")));
        }

        try
        {
            await client.ConnectAsync(server.OcppUri(stationId), invoker, TestContext.Current.CancellationToken);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>The HTTP status of a refused handshake, from the exception's message.</summary>
    public static async Task<string> RefusedAsync(Func<Task> connect)
    {
        var refused = await Assert.ThrowsAsync<WebSocketException>(connect);
        return refused.Message;
    }
}
