using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V201.Messages;
using Iskra.Simulator.Display;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V201;

/// <summary>
/// 2.0.1 O04 GetDisplayMessages: Unknown when no message matches, otherwise Accepted and then
/// NotifyDisplayMessages with the matching messages and the request's requestId.
/// </summary>
internal static class GetDisplayMessagesHandler
{
    public static ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        var request = Payloads.Read(call, V201JsonContext.Default.GetDisplayMessagesRequest);
        var found = DisplayMessageBoard.Of(station).Find(request.Id, request.Priority, request.State);
        if (found.Count > 0)
        {
            var notify = new NotifyDisplayMessagesRequest { RequestId = request.RequestId, MessageInfo = found, Tbc = false };
            station.Later(station.Options.ActionDelay, () => Deliveries.SendAsync(station, "NotifyDisplayMessages",
                () => Payloads.ToObject(notify, V201JsonContext.Default.NotifyDisplayMessagesRequest)));
        }

        var status = found.Count > 0 ? GetDisplayMessagesStatusEnumType.Accepted : GetDisplayMessagesStatusEnumType.Unknown;
        return ValueTask.FromResult(Payloads.Reply(new GetDisplayMessagesResponse { Status = status }, V201JsonContext.Default.GetDisplayMessagesResponse));
    }
}
