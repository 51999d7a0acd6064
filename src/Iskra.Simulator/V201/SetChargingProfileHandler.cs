using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V201.Messages;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.SmartCharging;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V201;

/// <summary>2.0.1 K01 SetChargingProfile: installed on the EVSE (0: the station) when the rules allow it, else Rejected.</summary>
internal static class SetChargingProfileHandler
{
    public static async ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        var request = Payloads.Read(call, V201JsonContext.Default.SetChargingProfileRequest);
        var profile = ProfileMapping.ToModel(request.ChargingProfile, request.EvseId);
        var accepted = profile is not null
            && await ProfileActions.InstallAsync(station, profile, request.ChargingProfile.TransactionId, v201: true).ConfigureAwait(false);
        return Payloads.Reply(
            new SetChargingProfileResponse { Status = accepted ? ChargingProfileStatusEnumType.Accepted : ChargingProfileStatusEnumType.Rejected },
            V201JsonContext.Default.SetChargingProfileResponse);
    }
}
