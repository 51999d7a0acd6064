using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V201.Messages;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V201;

/// <summary>2.0.1 C11 ClearCache: the authorization cache is emptied; Rejected when AuthCacheCtrlr.Enabled is false.</summary>
internal static class ClearCacheHandler
{
    public static ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        var enabled = station.Configuration.GetBool("AuthorizationCacheEnabled", true);
        if (enabled)
        {
            station.Authorization.ClearCache();
            station.Log.Note("Authorization cache cleared.");
        }

        return ValueTask.FromResult(Payloads.Reply(
            new ClearCacheResponse { Status = enabled ? ClearCacheStatusEnumType.Accepted : ClearCacheStatusEnumType.Rejected },
            V201JsonContext.Default.ClearCacheResponse));
    }
}
