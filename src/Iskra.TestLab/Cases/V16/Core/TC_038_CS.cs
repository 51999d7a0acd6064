using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Core;

/// <summary>OCTT 1.6 Table 43: the driver stops a transaction while the station is offline; the stop is sent once the connection returns.</summary>
public sealed class TC_038_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_038_CS", "Offline Stop Transaction", "Core", "OCTT 1.6 §2.14.5")
    {
        Requirements = ["OCPP 1.6 §4.10 StopTransaction", "OCPP 1.6 §3.5 Local Authorization & Offline Behavior", "OCPP 1.6 §4.9 StatusNotification"],
    };

    public override string? NotApplicableTo(Declared model) =>
        base.NotApplicableTo(model) ?? (model.CardReader ? null : "the model has no card reader to stop a transaction locally");

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var transactionId = await Charging.StartAsync(t, t.Connector, t.Model.IdTag).ConfigureAwait(false);
        await Offline.WhileOfflineAsync(t, () => t.ManualAsync(ManualAction.PresentCard(t.Connector, t.Model.IdTag))).ConfigureAwait(false);

        // Steps 1 and 3 may come in either order.
        var stop = await t.ExpectAsync(V16Calls.StopTransaction, "1", s => s.TransactionId == transactionId, t.Settings.StationTimeout * 2,
            "OCPP 1.6 §4.10: a transaction-related message is queued while offline and sent when the connection returns").ConfigureAwait(false);
        t.Check(stop.Request.Reason is null or Reason.Local, "1", "StopTransaction.req reason is Local or is omitted", $"reason is {stop.Request.Reason}",
            "Use reason Local (or omit it) when the driver stops the transaction at the station, also while offline (OCPP 1.6 §7.42).", stop.Call, "OCPP 1.6 §7.42 Reason");
        var finishing = await t.ExpectAsync(V16Calls.StatusNotification, "3", s => s.ConnectorId == t.Connector, requirement: "OCPP 1.6 §4.9").ConfigureAwait(false);
        t.Check(finishing.Request.Status == ChargePointStatus.Finishing, "3", "StatusNotification.req status is Finishing", $"status is {finishing.Request.Status}",
            "Report Finishing after the transaction stopped with the cable still plugged in, also when it stopped while offline (OCPP 1.6 §4.9).", finishing.Call, "OCPP 1.6 §4.9");
    }
}
