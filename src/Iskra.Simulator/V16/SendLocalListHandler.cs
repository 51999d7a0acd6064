using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V16.Messages;
using Iskra.Simulator.Authorization;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.RemoteControl;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V16;

/// <summary>
/// 1.6 §5.15 SendLocalList: a Full or Differential update; NotSupported when the station does not list
/// LocalAuthListManagement in SupportedFeatureProfiles or LocalAuthListEnabled is false (1.6 §7.44 UpdateStatus).
/// </summary>
internal static class SendLocalListHandler
{
    public static ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        var request = Payloads.Read(call, V16JsonContext.Default.SendLocalListRequest);
        if (!station.Configuration.GetList("SupportedFeatureProfiles").Contains("LocalAuthListManagement", StringComparer.OrdinalIgnoreCase))
        {
            return ValueTask.FromResult(Payloads.Reply(new SendLocalListResponse { Status = UpdateStatus.NotSupported }, V16JsonContext.Default.SendLocalListResponse));
        }

        var entries = (request.LocalAuthorizationList ?? [])
            .Select(d => (d.IdTag, d.IdTagInfo is { } info ? new IdTagEntry(d.IdTag, info.Status.ToString(), info.ExpiryDate, info.ParentIdTag) : null))
            .ToList();
        var status = LocalLists.Apply(station, request.ListVersion, request.UpdateType == UpdateType.Full, entries) switch
        {
            LocalListOutcome.Accepted => UpdateStatus.Accepted,
            LocalListOutcome.VersionMismatch => UpdateStatus.VersionMismatch,
            LocalListOutcome.Disabled => UpdateStatus.NotSupported,
            _ => UpdateStatus.Failed,
        };
        return ValueTask.FromResult(Payloads.Reply(new SendLocalListResponse { Status = status }, V16JsonContext.Default.SendLocalListResponse));
    }
}
