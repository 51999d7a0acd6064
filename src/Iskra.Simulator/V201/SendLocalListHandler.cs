using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V201.Messages;
using Iskra.Simulator.Authorization;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.RemoteControl;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V201;

/// <summary>2.0.1 D01 SendLocalList: a Full or Differential update; Failed when LocalAuthListCtrlr.Enabled is false.</summary>
internal static class SendLocalListHandler
{
    public static ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        var request = Payloads.Read(call, V201JsonContext.Default.SendLocalListRequest);
        var entries = (request.LocalAuthorizationList ?? [])
            .Select(d => (d.IdToken.IdToken, d.IdTokenInfo is { } info
                ? new IdTagEntry(d.IdToken.IdToken, info.Status.ToString(), info.CacheExpiryDateTime, info.GroupIdToken?.IdToken)
                : null))
            .ToList();
        var status = LocalLists.Apply(station, request.VersionNumber, request.UpdateType == UpdateEnumType.Full, entries) switch
        {
            LocalListOutcome.Accepted => SendLocalListStatusEnumType.Accepted,
            LocalListOutcome.VersionMismatch => SendLocalListStatusEnumType.VersionMismatch,
            _ => SendLocalListStatusEnumType.Failed,
        };
        return ValueTask.FromResult(Payloads.Reply(new SendLocalListResponse { Status = status }, V201JsonContext.Default.SendLocalListResponse));
    }
}
