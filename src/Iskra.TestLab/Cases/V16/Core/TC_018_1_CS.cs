using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Core;

/// <summary>OCTT 1.6 Table 23: UnlockConnector while charging stops the transaction (UnlockCommand) and unlocks; the driver unplugs.</summary>
public sealed class TC_018_1_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_018_1_CS", "Unlock Connector - With Charging Session (Not fixed cable)", "Core", "OCTT 1.6 §2.7.3")
    {
        Requirements = ["OCPP 1.6 §5.18 UnlockConnector", "OCPP 1.6 §4.10 StopTransaction", "OCPP 1.6 §4.9 StatusNotification"],
    };

    public override string? NotApplicableTo(Declared model) =>
        base.NotApplicableTo(model) ?? (model.FixedCable ? "the model has a fixed cable" : null);

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var c = t.Connector;
        var transactionId = await Charging.StartAsync(t, c, t.Model.IdTag).ConfigureAwait(false);
        var answer = await t.SendAsync(V16Calls.UnlockConnector, new UnlockConnectorRequest { ConnectorId = c }, "1").ConfigureAwait(false);
        t.Check(answer.Status == UnlockStatus.Unlocked, "2", "UnlockConnector.conf status is Unlocked", $"status is {answer.Status}",
            "Stop the running transaction and unlock the connector when asked, then answer Unlocked (OCPP 1.6 §5.18).", requirement: "OCPP 1.6 §5.18");
        var stop = await t.ExpectAsync(V16Calls.StopTransaction, "3", s => s.TransactionId == transactionId, requirement: "OCPP 1.6 §5.18: a transaction on the connector is stopped first").ConfigureAwait(false);
        t.Check(stop.Request.Reason == Reason.UnlockCommand, "3", "StopTransaction.req reason is UnlockCommand", $"reason is {stop.Request.Reason?.ToString() ?? "absent (meaning Local)"}",
            "Stop the transaction with reason UnlockCommand when UnlockConnector.req ends it (OCPP 1.6 §5.18, §7.42).", stop.Call, "OCPP 1.6 §5.18");
        var finishing = await t.ExpectAsync(V16Calls.StatusNotification, "5", s => s.ConnectorId == c, requirement: "OCPP 1.6 §4.9").ConfigureAwait(false);
        t.Check(finishing.Request.Status == ChargePointStatus.Finishing, "5", "StatusNotification.req status is Finishing (the cable is still in)", $"status is {finishing.Request.Status}",
            "After a transaction stops with the cable still plugged in, report Finishing (OCPP 1.6 §4.9).", finishing.Call, "OCPP 1.6 §4.9");

        await t.ManualAsync(ManualAction.Unplug(c)).ConfigureAwait(false);
        var available = await t.ExpectAsync(V16Calls.StatusNotification, "7", s => s.ConnectorId == c, requirement: "OCPP 1.6 §4.9").ConfigureAwait(false);
        t.Check(available.Request.Status == ChargePointStatus.Available, "7", "StatusNotification.req status is Available once the cable is unplugged", $"status is {available.Request.Status}",
            "Report Available when the cable is removed after the transaction (OCPP 1.6 §4.9).", available.Call, "OCPP 1.6 §4.9");
    }
}
