using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V201.Messages;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.RemoteControl;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V201;

/// <summary>
/// 2.0.1 F06 TriggerMessage: Accepted, then the requested message. A BootNotification only while not
/// yet accepted (F06.FR.17: Rejected once accepted); a TransactionEvent only when a transaction runs on
/// the EVSE(s); Rejected for an EVSE the station does not have; the certificate messages are NotImplemented.
/// </summary>
internal static class TriggerMessageHandler
{
    public static async ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        var request = Payloads.Read(call, V201JsonContext.Default.TriggerMessageRequest);
        var status = await TriggerAsync(station, request).ConfigureAwait(false);
        return Payloads.Reply(new TriggerMessageResponse { Status = status }, V201JsonContext.Default.TriggerMessageResponse);
    }

    private static async Task<TriggerMessageStatusEnumType> TriggerAsync(SimStation station, TriggerMessageRequest request)
    {
        var connectors = Triggers.Targets(station, request.Evse?.Id);
        if (connectors is null || request.Evse?.ConnectorId is not (null or 1))
        {
            return TriggerMessageStatusEnumType.Rejected;
        }

        if (request.RequestedMessage == MessageTriggerEnumType.BootNotification)
        {
            if (station.Registration == "Accepted")
            {
                return TriggerMessageStatusEnumType.Rejected;
            }

            Triggers.Boot(station);
            return TriggerMessageStatusEnumType.Accepted;
        }

        if (!station.IsOnline)
        {
            return TriggerMessageStatusEnumType.Rejected; // nothing but a BootNotification may go out before acceptance
        }

        switch (request.RequestedMessage)
        {
            case MessageTriggerEnumType.LogStatusNotification:
                V201Triggers.LogStatus(station);
                break;
            case MessageTriggerEnumType.FirmwareStatusNotification:
                V201Triggers.FirmwareStatus(station);
                break;
            case MessageTriggerEnumType.Heartbeat:
                Triggers.Heartbeat(station);
                break;
            case MessageTriggerEnumType.MeterValues:
                V201Triggers.MeterValues(station, connectors);
                break;
            case MessageTriggerEnumType.StatusNotification:
                Triggers.Statuses(station, connectors);
                break;
            case MessageTriggerEnumType.TransactionEvent:
                if (!await station.LockedAsync(() => connectors.Any(c => c.Session is not null)).ConfigureAwait(false))
                {
                    return TriggerMessageStatusEnumType.Rejected;
                }

                V201Triggers.TransactionEvents(station, connectors);
                break;
            default:
                return TriggerMessageStatusEnumType.NotImplemented;
        }

        return TriggerMessageStatusEnumType.Accepted;
    }
}
