using System.Globalization;
using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V16.Messages;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.SmartCharging;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V16;

/// <summary>1.6 §5.16 SetChargingProfile: installed when the station's rules allow it (§3.13), else Rejected.</summary>
internal static class SetChargingProfileHandler
{
    public static async ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        var request = Payloads.Read(call, V16JsonContext.Default.SetChargingProfileRequest);
        var wire = request.CsChargingProfiles;
        var accepted = await ProfileActions.InstallAsync(
            station, ProfileMapping.ToModel(wire, request.ConnectorId), wire.TransactionId?.ToString(CultureInfo.InvariantCulture), v201: false).ConfigureAwait(false);
        return Payloads.Reply(
            new SetChargingProfileResponse { Status = accepted ? ChargingProfileStatus.Accepted : ChargingProfileStatus.Rejected },
            V16JsonContext.Default.SetChargingProfileResponse);
    }
}
