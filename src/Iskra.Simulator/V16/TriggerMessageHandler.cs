using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V16.Messages;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.RemoteControl;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V16;

/// <summary>
/// 1.6 §5.17 TriggerMessage: Accepted, then the requested message; Rejected for a connector the station
/// does not have, or while it cannot send (only a BootNotification can be triggered before it is accepted).
/// </summary>
internal static class TriggerMessageHandler
{
    public static ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        var request = Payloads.Read(call, V16JsonContext.Default.TriggerMessageRequest);
        return ValueTask.FromResult(Payloads.Reply(new TriggerMessageResponse { Status = Trigger(station, request) }, V16JsonContext.Default.TriggerMessageResponse));
    }

    private static TriggerMessageStatus Trigger(SimStation station, TriggerMessageRequest request)
    {
        var connectors = Triggers.Targets(station, request.ConnectorId);
        if (connectors is null || (request.RequestedMessage != MessageTrigger.BootNotification && !station.IsOnline))
        {
            return TriggerMessageStatus.Rejected;
        }

        switch (request.RequestedMessage)
        {
            case MessageTrigger.BootNotification:
                Triggers.Boot(station);
                break;
            case MessageTrigger.DiagnosticsStatusNotification:
                V16Triggers.DiagnosticsStatus(station);
                break;
            case MessageTrigger.FirmwareStatusNotification:
                V16Triggers.FirmwareStatus(station);
                break;
            case MessageTrigger.Heartbeat:
                Triggers.Heartbeat(station);
                break;
            case MessageTrigger.MeterValues:
                V16Triggers.MeterValues(station, connectors);
                break;
            case MessageTrigger.StatusNotification:
                Triggers.Statuses(station, connectors);
                break;
            default:
                return TriggerMessageStatus.NotImplemented;
        }

        return TriggerMessageStatus.Accepted;
    }
}
