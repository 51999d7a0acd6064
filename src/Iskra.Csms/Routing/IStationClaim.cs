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
}
