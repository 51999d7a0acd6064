using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V201.Messages;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V201;

/// <summary>
/// 2.0.1 B09 SetNetworkProfile: a profile for a slot of OCPPCommCtrlr.NetworkConfigurationPriority
/// (1 to 3) is stored and Accepted; the station keeps its current connection (it migrates only when
/// NetworkConfigurationPriority puts the slot first and it reconnects, which the simulator does not do).
/// </summary>
internal static class SetNetworkProfileHandler
{
    private static readonly int[] Slots = [1, 2, 3];

    public static ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        var request = Payloads.Read(call, V201JsonContext.Default.SetNetworkProfileRequest);
        var profile = request.ConnectionData;
        var current = station.Options.ClientCertificate is not null ? 3 : station.Options.CsmsUrl.Scheme == "wss" ? 2 : 1;
        var reason =
            !Slots.Contains(request.ConfigurationSlot) ? "InvalidConfSlot" // B09.FR.02
            : profile.SecurityProfile < current ? "InvalidSecurityProfile" // B09.FR.04: never a lower security profile
            : profile.OcppVersion != OCPPVersionEnumType.OCPP20 ? "UnsupportedVersion"
            : !Uri.TryCreate(profile.OcppCsmsUrl, UriKind.Absolute, out var url) || url.Scheme is not ("ws" or "wss") ? "InvalidURL"
            : (profile.SecurityProfile >= 2) != (url.Scheme == "wss") ? "InvalidURL" // profiles 2 and 3 run over TLS, 1 does not
            : null;
        if (reason is null)
        {
            station.DeviceModel.StoreNetworkProfile(request.ConfigurationSlot, profile);
            station.Log.Note($"Network profile stored in slot {request.ConfigurationSlot}: {profile.OcppCsmsUrl}.");
        }

        return ValueTask.FromResult(Payloads.Reply(
            new SetNetworkProfileResponse
            {
                Status = reason is null ? SetNetworkProfileStatusEnumType.Accepted : SetNetworkProfileStatusEnumType.Rejected,
                StatusInfo = reason is null ? null : new StatusInfoType { ReasonCode = reason },
            },
            V201JsonContext.Default.SetNetworkProfileResponse));
    }
}
