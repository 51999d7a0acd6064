using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V201.Messages;
using Iskra.Simulator.Display;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V201;

/// <summary>2.0.1 O01/O02/O03 SetDisplayMessage: Accepted, or why the screen cannot show it (<see cref="DisplayMessageBoard"/>).</summary>
internal static class SetDisplayMessageHandler
{
    public static async ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        var request = Payloads.Read(call, V201JsonContext.Default.SetDisplayMessageRequest);
        var running = await station.LockedAsync(() => station.Connectors.Where(c => c.Session is not null).Select(c => c.Session!.LocalId).ToHashSet(StringComparer.Ordinal)).ConfigureAwait(false);
        var status = DisplayMessageBoard.Of(station).Set(request.Message, running.Contains);
        return Payloads.Reply(new SetDisplayMessageResponse { Status = status }, V201JsonContext.Default.SetDisplayMessageResponse);
    }
}
