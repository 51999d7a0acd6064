using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V201.Messages;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V201;

/// <summary>
/// 2.0.1 K09 GetChargingProfiles: Accepted when profiles match (else NoProfiles), then one ReportChargingProfiles
/// per EVSE with the requestId, tbc on all but the last. Every profile here was set by the CSMS (source CSO).
/// </summary>
internal static class GetChargingProfilesHandler
{
    public static ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        var request = Payloads.Read(call, V201JsonContext.Default.GetChargingProfilesRequest);
        var criterion = request.ChargingProfile;
        var purpose = criterion.ChargingProfilePurpose is { } p ? ProfileMapping.Purpose(p) : null;
        var fromCso = criterion.ChargingLimitSource is not { Count: > 0 } sources || sources.Contains(ChargingLimitSourceEnumType.CSO);
        var matching = station.ChargingProfiles.Profiles
            .Where(profile => fromCso
                && (request.EvseId is not { } evse || profile.ConnectorId == evse)
                && (criterion.ChargingProfilePurpose is null || profile.Purpose == purpose)
                && (criterion.StackLevel is not { } level || profile.StackLevel == level)
                && (criterion.ChargingProfileId is not { Count: > 0 } ids || ids.Contains(profile.Id)))
            .GroupBy(profile => profile.ConnectorId)
            .OrderBy(group => group.Key)
            .ToList();
        if (matching.Count == 0)
        {
            return ValueTask.FromResult(Payloads.Reply(new GetChargingProfilesResponse { Status = GetChargingProfileStatusEnumType.NoProfiles }, V201JsonContext.Default.GetChargingProfilesResponse));
        }

        station.Later(station.Options.ActionDelay, () =>
        {
            for (var i = 0; i < matching.Count; i++)
            {
                var report = new ReportChargingProfilesRequest
                {
                    RequestId = request.RequestId,
                    ChargingLimitSource = ChargingLimitSourceEnumType.CSO,
                    EvseId = matching[i].Key,
                    ChargingProfile = [.. matching[i].Select(ProfileMapping.ToWire)],
                    Tbc = i < matching.Count - 1 ? true : null,
                };
                station.Outbox.Enqueue(new OutboundMessage("ReportChargingProfiles", () => Payloads.ToObject(report, V201JsonContext.Default.ReportChargingProfilesRequest), transactional: false));
            }

            return Task.CompletedTask;
        });
        return ValueTask.FromResult(Payloads.Reply(new GetChargingProfilesResponse { Status = GetChargingProfileStatusEnumType.Accepted }, V201JsonContext.Default.GetChargingProfilesResponse));
    }
}
