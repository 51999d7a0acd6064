using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V201.Messages;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.SmartCharging;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V201;

/// <summary>2.0.1 K10 ClearChargingProfile: by chargingProfileId, or every profile matching chargingProfileCriteria.</summary>
internal static class ClearChargingProfileHandler
{
    public static async ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        var request = Payloads.Read(call, V201JsonContext.Default.ClearChargingProfileRequest);
        var criteria = request.ChargingProfileCriteria;
        int cleared;
        if (criteria?.ChargingProfilePurpose is { } wirePurpose && ProfileMapping.Purpose(wirePurpose) is null)
        {
            cleared = 0; // ChargingStationExternalConstraints: none are set by the CSMS
        }
        else
        {
            var purpose = criteria?.ChargingProfilePurpose is { } p ? ProfileMapping.Purpose(p) : null;
            cleared = await ProfileActions.ClearAsync(station, request.ChargingProfileId, criteria?.EvseId, purpose, criteria?.StackLevel).ConfigureAwait(false);
        }

        return Payloads.Reply(
            new ClearChargingProfileResponse { Status = cleared > 0 ? ClearChargingProfileStatusEnumType.Accepted : ClearChargingProfileStatusEnumType.Unknown },
            V201JsonContext.Default.ClearChargingProfileResponse);
    }
}
