using System.Net;
using System.Net.Sockets;

namespace Iskra.Server.Webhooks;

/// <summary>
/// Which addresses a webhook may reach. Loopback, link-local (cloud metadata at 169.254.169.254),
/// private (RFC 1918, RFC 4193 fc00::/7), carrier-grade NAT, unspecified, multicast and broadcast
/// addresses are refused, so an admin key cannot make Iskra probe its own network; an IPv4 address
/// mapped into IPv6 (<c>::ffff:10.0.0.1</c>) is judged as the IPv4 address. Networks listed in
/// <see cref="WebhookOptions.AllowedNetworks"/> are allowed whatever they are (internal receivers).
/// </summary>
public sealed class WebhookDestinations
{
    private static readonly IPNetwork[] Refused =
    [
        IPNetwork.Parse("0.0.0.0/8"), // "this network", unspecified
        IPNetwork.Parse("10.0.0.0/8"),
        IPNetwork.Parse("100.64.0.0/10"), // carrier-grade NAT
        IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"), // link-local, cloud metadata
        IPNetwork.Parse("172.16.0.0/12"),
        IPNetwork.Parse("192.0.0.0/24"),
        IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("198.18.0.0/15"),
        IPNetwork.Parse("224.0.0.0/3"), // multicast, reserved, broadcast
        IPNetwork.Parse("::/128"),
        IPNetwork.Parse("::1/128"),
        IPNetwork.Parse("64:ff9b:1::/48"), // local-use NAT64
        IPNetwork.Parse("fc00::/7"), // unique local
        IPNetwork.Parse("fe80::/10"), // link-local
        IPNetwork.Parse("fec0::/10"), // site-local (deprecated)
        IPNetwork.Parse("ff00::/8"), // multicast
    ];

    private readonly IPNetwork[] _allowed;

    public WebhookDestinations(IEnumerable<string>? allowedNetworks)
    {
        _allowed = [.. (allowedNetworks ?? []).Where(n => !string.IsNullOrWhiteSpace(n)).Select(Network)];
    }

    /// <summary>True when a webhook may connect to <paramref name="address"/>.</summary>
    public bool Allows(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var ip = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return _allowed.Any(n => n.Contains(ip))
            || ((ip.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6) && !Refused.Any(n => n.Contains(ip)));
    }

    /// <summary>
    /// For a URL whose host is an IP address or <c>localhost</c>: whether it is refused, known without any
    /// name lookup or connection. Other host names are judged on the addresses they resolve to, at connect time.
    /// </summary>
    public bool RefusesLiteral(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (url.IsLoopback && !IPAddress.TryParse(url.IdnHost.Trim('[', ']'), out _))
        {
            return !Allows(IPAddress.Loopback) && !Allows(IPAddress.IPv6Loopback);
        }

        return IPAddress.TryParse(url.IdnHost.Trim('[', ']'), out var ip) && !Allows(ip);
    }

    private static IPNetwork Network(string text)
    {
        var trimmed = text.Trim();
        if (IPNetwork.TryParse(trimmed, out var network))
        {
            return network;
        }

        return IPAddress.TryParse(trimmed, out var ip)
            ? new IPNetwork(ip, ip.AddressFamily == AddressFamily.InterNetwork ? 32 : 128)
            : throw new InvalidOperationException($"Webhooks:AllowedNetworks: '{trimmed}' is neither a network (10.1.0.0/16) nor an address.");
    }
}
