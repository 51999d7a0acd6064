using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V201.Messages;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.RemoteControl;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V201;

/// <summary>2.0.1 D02 GetLocalListVersion: the list's version, 0 when it is empty.</summary>
internal static class GetLocalListVersionHandler
{
    public static ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Payloads.Reply(
            new GetLocalListVersionResponse { VersionNumber = LocalLists.Version(station) },
            V201JsonContext.Default.GetLocalListVersionResponse));
}
