using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V201.Messages;
using Iskra.Simulator.Display;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V201;

/// <summary>2.0.1 O05 ClearDisplayMessage: Accepted when the message was there, Unknown otherwise.</summary>
internal static class ClearDisplayMessageHandler
{
    public static ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        var request = Payloads.Read(call, V201JsonContext.Default.ClearDisplayMessageRequest);
        var status = DisplayMessageBoard.Of(station).Clear(request.Id) ? ClearMessageStatusEnumType.Accepted : ClearMessageStatusEnumType.Unknown;
        return ValueTask.FromResult(Payloads.Reply(new ClearDisplayMessageResponse { Status = status }, V201JsonContext.Default.ClearDisplayMessageResponse));
    }
}
