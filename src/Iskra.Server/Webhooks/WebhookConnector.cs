using System.Net;
using System.Net.Sockets;

namespace Iskra.Server.Webhooks;

/// <summary>
/// The webhook client's <see cref="SocketsHttpHandler.ConnectCallback"/>: resolves the host, keeps only
/// addresses <see cref="WebhookDestinations"/> allows, connects to one of them and checks the address
/// actually connected to. The check is on the socket itself, so a name that resolves differently a
/// second time (DNS rebinding) cannot lead it elsewhere; the client uses no proxy for the same reason.
/// </summary>
public sealed class WebhookConnector(WebhookDestinations destinations)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        var allowed = Array.FindAll(addresses, destinations.Allows);
        if (allowed.Length == 0)
        {
            throw new RefusedDestinationException(host);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
            if (socket.RemoteEndPoint is not IPEndPoint remote || !destinations.Allows(remote.Address))
            {
                throw new RefusedDestinationException(host);
            }

            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
