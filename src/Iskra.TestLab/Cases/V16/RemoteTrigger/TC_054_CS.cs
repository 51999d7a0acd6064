using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;

namespace Iskra.TestLab.Cases.V16.RemoteTrigger;

/// <summary>OCTT 1.6 Table 75: the Central System triggers MeterValues, Heartbeat, StatusNotification, DiagnosticsStatusNotification and FirmwareStatusNotification.</summary>
public sealed class TC_054_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_054_CS", "Trigger Message", "Remote Trigger", "OCTT 1.6 §2.21.1")
    {
        Requirements = ["OCPP 1.6 §5.17 TriggerMessage", "OCPP 1.6 §4.4 DiagnosticsStatusNotification", "OCPP 1.6 §4.5 FirmwareStatusNotification"],
    };

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var connector = t.Connector;
        await TriggerAsync(t, MessageTrigger.MeterValues, connector, "1", "2").ConfigureAwait(false);
        await t.ExpectAsync(V16Calls.MeterValues, "3", m => m.ConnectorId == connector, requirement: "OCPP 1.6 §5.17").ConfigureAwait(false);

        await TriggerAsync(t, MessageTrigger.Heartbeat, null, "5", "6").ConfigureAwait(false);
        await t.ExpectAsync(V16Calls.Heartbeat, "7", requirement: "OCPP 1.6 §5.17").ConfigureAwait(false);

        await TriggerAsync(t, MessageTrigger.StatusNotification, connector, "9", "10").ConfigureAwait(false);
        await t.ExpectAsync(V16Calls.StatusNotification, "11", s => s.ConnectorId == connector, requirement: "OCPP 1.6 §5.17").ConfigureAwait(false);

        await TriggerAsync(t, MessageTrigger.DiagnosticsStatusNotification, null, "13", "14").ConfigureAwait(false);
        var diagnostics = await t.ExpectAsync(V16Calls.DiagnosticsStatusNotification, "15", requirement: "OCPP 1.6 §5.17").ConfigureAwait(false);
        t.Check(diagnostics.Request.Status == DiagnosticsStatus.Idle, "15", "DiagnosticsStatusNotification.req status is Idle (no upload in progress)", $"status is {diagnostics.Request.Status}",
            "When a DiagnosticsStatusNotification is triggered while no diagnostics upload runs, report Idle (OCPP 1.6 §4.4, §7.24 DiagnosticsStatus).", diagnostics.Call, "OCPP 1.6 §4.4");

        var firmware = await t.SendAsync(V16Calls.TriggerMessage, new TriggerMessageRequest { RequestedMessage = MessageTrigger.FirmwareStatusNotification }, "17", "OCPP 1.6 §5.17").ConfigureAwait(false);
        t.Require(firmware.Status is TriggerMessageStatus.Accepted or TriggerMessageStatus.NotImplemented, "18", "TriggerMessage.conf status is Accepted or NotImplemented for FirmwareStatusNotification",
            $"status is {firmware.Status}", "Accept a TriggerMessage.req for FirmwareStatusNotification and send it, or answer NotImplemented when the firmware cannot (OCPP 1.6 §5.17).", requirement: "OCPP 1.6 §5.17");
        if (firmware.Status == TriggerMessageStatus.Accepted)
        {
            var status = await t.ExpectAsync(V16Calls.FirmwareStatusNotification, "19", requirement: "OCPP 1.6 §5.17").ConfigureAwait(false);
            t.Check(status.Request.Status == FirmwareStatus.Idle, "19", "FirmwareStatusNotification.req status is Idle (no firmware update in progress)", $"status is {status.Request.Status}",
                "When a FirmwareStatusNotification is triggered while no firmware update runs, report Idle (OCPP 1.6 §4.5, §7.25 FirmwareStatus).", status.Call, "OCPP 1.6 §4.5");
        }
    }

    private static async Task TriggerAsync(CaseContext t, MessageTrigger message, int? connector, string step, string answerStep)
    {
        var answer = await t.SendAsync(V16Calls.TriggerMessage, new TriggerMessageRequest { RequestedMessage = message, ConnectorId = connector }, step, "OCPP 1.6 §5.17").ConfigureAwait(false);
        t.Require(answer.Status == TriggerMessageStatus.Accepted, answerStep, $"TriggerMessage.conf status is Accepted for {message}", $"status is {answer.Status}",
            $"Accept a TriggerMessage.req for {message}{(connector is null ? string.Empty : $" on connector {connector}")} and then send the requested message (OCPP 1.6 §5.17).", requirement: "OCPP 1.6 §5.17");
    }
}
