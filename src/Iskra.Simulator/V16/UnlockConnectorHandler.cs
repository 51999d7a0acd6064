using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V16.Messages;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.RemoteControl;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V16;

/// <summary>1.6 §5.18 UnlockConnector: a running transaction is finished first (reason UnlockCommand), then Unlocked, or UnlockFailed when the lock is jammed.</summary>
internal static class UnlockConnectorHandler
{
    public static async ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        var request = Payloads.Read(call, V16JsonContext.Default.UnlockConnectorRequest);
        var status = UnlockStatus.NotSupported; // connector 0 or one the station does not have: nothing to unlock
        if (request.ConnectorId >= 1 && request.ConnectorId <= station.Connectors.Count)
        {
            var outcome = await UnlockRules.UnlockAsync(station, station.Connector(request.ConnectorId), stopRunning: true).ConfigureAwait(false);
            status = outcome == UnlockOutcome.Failed ? UnlockStatus.UnlockFailed : UnlockStatus.Unlocked;
        }

        return Payloads.Reply(new UnlockConnectorResponse { Status = status }, V16JsonContext.Default.UnlockConnectorResponse);
    }
}
