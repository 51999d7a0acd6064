using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V16.Messages;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.SmartCharging;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V16;

/// <summary>1.6 §5.5 ClearChargingProfile: by id, or every profile matching the criteria; Unknown when none matched.</summary>
internal static class ClearChargingProfileHandler
{
    public static async ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        var request = Payloads.Read(call, V16JsonContext.Default.ClearChargingProfileRequest);
        var purpose = request.ChargingProfilePurpose is { } p ? ProfileMapping.Purpose(p) : (ProfilePurpose?)null;
        var cleared = await ProfileActions.ClearAsync(station, request.Id, request.ConnectorId, purpose, request.StackLevel).ConfigureAwait(false);
        return Payloads.Reply(
            new ClearChargingProfileResponse { Status = cleared > 0 ? ClearChargingProfileStatus.Accepted : ClearChargingProfileStatus.Unknown },
            V16JsonContext.Default.ClearChargingProfileResponse);
    }
}
