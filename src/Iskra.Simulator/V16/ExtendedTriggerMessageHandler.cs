using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V16.Messages;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.RemoteControl;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V16;

/// <summary>
/// 1.6 security ExtendedTriggerMessage: as TriggerMessage, with LogStatusNotification and the signed
/// firmware status, and SignChargePointCertificate: a new key pair and its CSR in SignCertificate (1.6 security A02).
/// </summary>
internal static class ExtendedTriggerMessageHandler
{
    public static ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        var request = Payloads.Read(call, V16JsonContext.Default.ExtendedTriggerMessageRequest);
        return ValueTask.FromResult(Payloads.Reply(
            new ExtendedTriggerMessageResponse { Status = Trigger(station, request) },
            V16JsonContext.Default.ExtendedTriggerMessageResponse));
    }

    private static TriggerMessageStatusEnumType Trigger(SimStation station, ExtendedTriggerMessageRequest request)
    {
        var connectors = Triggers.Targets(station, request.ConnectorId);
        if (connectors is null || (request.RequestedMessage != MessageTriggerEnumType.BootNotification && !station.IsOnline))
        {
            return TriggerMessageStatusEnumType.Rejected;
        }

        switch (request.RequestedMessage)
        {
            case MessageTriggerEnumType.BootNotification:
                Triggers.Boot(station);
                break;
            case MessageTriggerEnumType.LogStatusNotification:
                V16Triggers.LogStatus(station);
                break;
            case MessageTriggerEnumType.FirmwareStatusNotification:
                V16Triggers.SignedFirmwareStatus(station);
                break;
            case MessageTriggerEnumType.Heartbeat:
                Triggers.Heartbeat(station);
                break;
            case MessageTriggerEnumType.MeterValues:
                V16Triggers.MeterValues(station, connectors);
                break;
            case MessageTriggerEnumType.StatusNotification:
                Triggers.Statuses(station, connectors);
                break;
            case MessageTriggerEnumType.SignChargePointCertificate:
                Security.ChargePointKeys.SendRequest(station);
                break;
            default:
                return TriggerMessageStatusEnumType.NotImplemented;
        }

        return TriggerMessageStatusEnumType.Accepted;
    }
}
