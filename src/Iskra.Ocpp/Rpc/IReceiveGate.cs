namespace Iskra.Ocpp.Rpc;

/// <summary>
/// Back-pressure: an <see cref="RpcChannel"/> waits on its gate before reading each frame, so a server
/// that cannot take more work leaves new frames in the socket instead of spending CPU on them. The
/// gate must open again within a bounded time (the channel still has to see pongs and close frames).
/// </summary>
public interface IReceiveGate
{
    /// <summary>Completes at once while work is taken; otherwise when it is again, or after a bounded wait.</summary>
    ValueTask WaitAsync(CancellationToken cancellationToken);
}
