namespace Iskra.Ocpp.Rpc;

/// <summary>
/// Answers the CALLs a station sends, one at a time and in order. Throw <see cref="OcppException"/>
/// for a deliberate CALLERROR; any other exception is answered with a generic InternalError.
/// </summary>
public interface IRpcCallHandler
{
    ValueTask<RpcReply> HandleAsync(RpcCall request, CancellationToken cancellationToken);
}
