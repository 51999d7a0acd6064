using System.Security.Cryptography.X509Certificates;
using Iskra.Ocpp.Rpc;

namespace Iskra.Csms.Routing;

/// <summary>
/// A station taken over from normal routing (the test lab while it runs): its calls are answered by
/// <see cref="HandleAsync"/> instead of the router, nothing it sends lands in the network's data,
/// and every frame of its connection is shown to <see cref="OnFrame"/>. Operator commands to it are
/// refused while the claim lasts.
/// </summary>
public interface IStationClaim : IRpcCallHandler
{
    /// <summary>Who holds the claim, for the operator: e.g. <c>test lab run 7f3a…</c>.</summary>
    string Owner { get; }

    /// <summary>Where the operator can see or end the claim, e.g. the run's URL path.</summary>
    string Reference { get; }

    /// <summary>One whole text frame of the station's connection, either way; the span is valid during the call only.</summary>
    void OnFrame(RpcFrameDirection direction, ReadOnlySpan<byte> utf8Frame);

    /// <summary>
    /// Whether <paramref name="certificate"/> is a client certificate the claim itself issued for this station while it
    /// lasts (the same certificate, valid now). Transport admits such a certificate for this station even when it does
    /// not chain to <c>Ocpp:StationCaFile</c>; for no other station, and not once the claim is released. None by default.
    /// </summary>
    bool IssuedClientCertificate(X509Certificate2 certificate) => false;

    /// <summary>A new connection of the station was admitted, with the TLS client certificate it presented (null: none).</summary>
    void OnConnected(X509Certificate2? clientCertificate)
    {
    }
}
