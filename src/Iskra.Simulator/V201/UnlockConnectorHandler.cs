using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V201.Messages;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.RemoteControl;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V201;

/// <summary>
/// 2.0.1 F05 UnlockConnector: Unlocked; UnlockFailed when the lock is jammed; OngoingAuthorizedTransaction while a transaction runs on the
/// EVSE (F05.FR.02); UnknownConnector for an EVSE or connector the station does not have (each EVSE has connector 1).
/// </summary>
internal static class UnlockConnectorHandler
{
    public static async ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        var request = Payloads.Read(call, V201JsonContext.Default.UnlockConnectorRequest);
        var status = UnlockStatusEnumType.UnknownConnector;
        if (request.EvseId >= 1 && request.EvseId <= station.Connectors.Count && request.ConnectorId == 1)
        {
            status = await UnlockRules.UnlockAsync(station, station.Connector(request.EvseId), stopRunning: false).ConfigureAwait(false) switch
            {
                UnlockOutcome.Unlocked => UnlockStatusEnumType.Unlocked,
                UnlockOutcome.Failed => UnlockStatusEnumType.UnlockFailed,
                _ => UnlockStatusEnumType.OngoingAuthorizedTransaction,
            };
        }

        return Payloads.Reply(new UnlockConnectorResponse { Status = status }, V201JsonContext.Default.UnlockConnectorResponse);
    }
}
