using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V16.Messages;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.SmartCharging;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V16;

/// <summary>1.6 §5.11 RemoteStartTransaction: accepted when the connector can take the id tag; a chargingProfile becomes the TxProfile (§5.16.2).</summary>
internal static class RemoteStartTransactionHandler
{
    public static async ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        var request = Payloads.Read(call, V16JsonContext.Default.RemoteStartTransactionRequest);

        // 1.6 §5.11: connectorId 0 is not a connector a transaction can run on.
        var accepted = request.ConnectorId is not 0
            && await ProfileActions.RemoteStartAsync(station, request.ConnectorId, request.IdTag, null,
                request.ChargingProfile is { } profile ? ProfileMapping.ToModel(profile, request.ConnectorId ?? 0) : null).ConfigureAwait(false);
        return Payloads.Reply(
            new RemoteStartTransactionResponse { Status = accepted ? RemoteStartStopStatus.Accepted : RemoteStartStopStatus.Rejected },
            V16JsonContext.Default.RemoteStartTransactionResponse);
    }
}
