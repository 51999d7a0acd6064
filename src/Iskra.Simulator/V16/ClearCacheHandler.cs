using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V16.Messages;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V16;

/// <summary>1.6 §5.4 ClearCache: the authorization cache is emptied; Rejected when the station keeps none.</summary>
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
            new ClearCacheResponse { Status = enabled ? ClearCacheStatus.Accepted : ClearCacheStatus.Rejected },
            V16JsonContext.Default.ClearCacheResponse));
    }
}
