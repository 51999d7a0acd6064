namespace Iskra.Ocpp.Rpc;

/// <summary>
/// Sees a channel's traffic and troubles: every text frame in both directions (the traffic log),
/// protocol problems of the peer, and exceptions of our own handlers (which never reach the wire).
/// Called on the channel's own path: keep it quick and never throw.
/// </summary>
public interface IRpcObserver
{
    /// <summary>One whole text frame, as sent or received; the span is only valid during the call.</summary>
    void OnFrame(RpcFrameDirection direction, ReadOnlySpan<byte> utf8Frame);

    /// <summary>The peer did something wrong (bad frame, unknown id, flood, oversize); the text is ours, not the peer's.</summary>
    void OnProtocolProblem(string description);

    /// <summary>A handler threw something other than <see cref="OcppException"/>; the station got a generic InternalError.</summary>
    void OnHandlerFailed(RpcCall request, Exception exception)
    {
    }
}
