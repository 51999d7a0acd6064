using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using Iskra.Ocpp;

namespace Iskra.Simulator.Swarm;

/// <summary>
/// Opens the swarm's WebSockets: each station's connection leaves from one of the loopback source
/// addresses 127.0.0.2… (bound before connect), so more than the ~28,000 ephemeral ports of one
/// source address can be used. Zero sources: the kernel chooses.
/// </summary>
public sealed class SwarmConnector : IDisposable
{
    private readonly List<HttpMessageInvoker> _invokers = [];

    /// <param name="server">The server's base address (http://host:port); stations connect to /ocpp/{id}.</param>
    public SwarmConnector(Uri server, int sources, bool deflate)
    {
        Server = server;
        Deflate = deflate;
        if (sources <= 0)
        {
            _invokers.Add(CreateInvoker(null));
        }

        for (var i = 0; i < sources; i++)
        {
            _invokers.Add(CreateInvoker(new IPAddress([127, 0, 0, (byte)(i + 2)])));
        }
    }

    public Uri Server { get; }

    public bool Deflate { get; }

    /// <summary>Opens the WebSocket of station <paramref name="id"/>, number <paramref name="index"/> of the fleet.</summary>
    public async Task<ClientWebSocket> OpenAsync(string id, OcppVersion version, int index, CancellationToken ct)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol(version.Subprotocol());
        // The server pings a silent station; the swarm does not ping on its own.
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        if (Deflate)
        {
            socket.Options.DangerousDeflateOptions = new WebSocketDeflateOptions();
        }

        var uri = new UriBuilder(Server) { Scheme = Server.Scheme == "https" ? "wss" : "ws", Path = "/ocpp/" + Uri.EscapeDataString(id) }.Uri;
        try
        {
            await socket.ConnectAsync(uri, _invokers[index % _invokers.Count], ct).ConfigureAwait(false);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static HttpMessageInvoker CreateInvoker(IPAddress? local) => new(new SocketsHttpHandler
    {
        UseProxy = false,
        ConnectTimeout = TimeSpan.FromSeconds(60),
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

    public void Dispose()
    {
        foreach (var invoker in _invokers)
        {
            invoker.Dispose();
        }
    }
}
