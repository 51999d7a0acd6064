using Iskra.Ocpp;
using Ocpp16 = Iskra.Ocpp.V16.Messages;
using Ocpp201 = Iskra.Ocpp.V201.Messages;
using V16Calls = Iskra.Ocpp.V16.Messages.V16Calls;
using V201Calls = Iskra.Ocpp.V201.Messages.V201Calls;

namespace Iskra.Csms.RemoteControl;

/// <summary>
/// <c>trigger-message {message, connectorId?}</c> → 1.6 TriggerMessage {requestedMessage, connectorId};
/// 2.0.1 TriggerMessage (F06) {requestedMessage, evse?: {id}}. The 1.6 DiagnosticsStatusNotification is
/// the 2.0.1 LogStatusNotification (diagnostics became GetLog, N01); 2.0.1-only messages are refused on 1.6.
/// </summary>
public sealed class TriggerMessageCommand : StationCommand
{
    private static readonly string[] V16Messages =
        ["BootNotification", "DiagnosticsStatusNotification", "FirmwareStatusNotification", "Heartbeat", "MeterValues", "StatusNotification"];

    private static readonly string[] V201Messages =
        ["BootNotification", "LogStatusNotification", "FirmwareStatusNotification", "Heartbeat", "MeterValues", "SignChargingStationCertificate",
        "SignV2GCertificate", "StatusNotification", "TransactionEvent", "SignCombinedCertificate", "PublishFirmwareStatusNotification"];

    public override string Name => "trigger-message";

    public override IReadOnlyList<string> Fields { get; } = ["message", "connectorId"];

    public override ValueTask<CommandCall> BuildAsync(CommandContext context, CommandBody body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(body);
        var message = body.RequiredEnum("message", [.. V16Messages.Union(V201Messages)]);
        var connectorId = body.OptionalInt("connectorId");
        if (context.Version == OcppVersion.V16)
        {
            if (!V16Messages.Contains(message))
            {
                throw CommandException.NotOnVersion(Name, "1.6", $"OCPP 1.6 cannot trigger {message}; 1.6 security extension stations take ExtendedTriggerMessage as a raw call.");
            }

            return ValueTask.FromResult(CommandCall.Of(V16Calls.TriggerMessage, new Ocpp16.TriggerMessageRequest
            {
                RequestedMessage = CommandJson.Enum(message, Ocpp16.V16JsonContext.Default.MessageTrigger, "$.message"),
                ConnectorId = connectorId,
            }));
        }

        var requested = message == "DiagnosticsStatusNotification" ? "LogStatusNotification" : message;
        return ValueTask.FromResult(CommandCall.Of(V201Calls.TriggerMessage, new Ocpp201.TriggerMessageRequest
        {
            RequestedMessage = CommandJson.Enum(requested, Ocpp201.V201JsonContext.Default.MessageTriggerEnumType, "$.message"),
            Evse = connectorId is > 0 and var evse ? new Ocpp201.EVSEType { Id = evse } : null,
        }));
    }
}
