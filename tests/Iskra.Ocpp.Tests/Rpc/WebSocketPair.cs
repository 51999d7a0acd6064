using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;

namespace Iskra.Ocpp.Tests.Rpc;

/// <summary>Two real WebSockets over a loopback TCP connection: the server end and the client end.</summary>
internal sealed class WebSocketPair : IDisposable
{
    private WebSocketPair(WebSocket server, WebSocket client)
    {
        Server = server;
        Client = client;
    }

    public WebSocket Server { get; }

    public WebSocket Client { get; }

    public static async Task<WebSocketPair> ConnectAsync()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var clientSocket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var accept = listener.AcceptSocketAsync();
        await clientSocket.ConnectAsync((IPEndPoint)listener.LocalEndpoint);
        var serverSocket = await accept;
        var server = WebSocket.CreateFromStream(new NetworkStream(serverSocket, ownsSocket: true), new WebSocketCreationOptions { IsServer = true });
        var client = WebSocket.CreateFromStream(new NetworkStream(clientSocket, ownsSocket: true), new WebSocketCreationOptions { IsServer = false });
        return new WebSocketPair(server, client);
    }

    public void Dispose()
    {
        Server.Dispose();
        Client.Dispose();
    }
}
