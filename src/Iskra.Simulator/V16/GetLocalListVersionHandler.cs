using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V16.Messages;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.RemoteControl;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V16;

/// <summary>1.6 §5.10 GetLocalListVersion: 0 when the list is empty, -1 when the station has no LocalAuthListManagement.</summary>
internal static class GetLocalListVersionHandler
{
    public static ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        var supported = station.Configuration.GetList("SupportedFeatureProfiles").Contains("LocalAuthListManagement", StringComparer.OrdinalIgnoreCase);
        return ValueTask.FromResult(Payloads.Reply(
            new GetLocalListVersionResponse { ListVersion = supported ? LocalLists.Version(station) : -1 },
            V16JsonContext.Default.GetLocalListVersionResponse));
    }
}
