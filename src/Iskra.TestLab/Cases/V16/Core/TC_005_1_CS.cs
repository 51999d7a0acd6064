using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Core;

/// <summary>
/// OCTT 1.6 Table 8: with StopTransactionOnEVSideDisconnect and UnlockConnectorOnEVSideDisconnect true, unplugging
/// the cable at the EV stops the transaction (EVDisconnected); the cable is still in the socket: Finishing.
/// </summary>
public sealed class TC_005_1_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_005_1_CS", "EV Side Disconnected - StopTransactionOnEVSideDisconnect = true - UnlockConnectorOnEVSideDisconnect = true", "Core", "OCTT 1.6 §2.3.3")
    {
        Requirements = ["OCPP 1.6 §4.10 StopTransaction", "OCPP 1.6 §4.9 StatusNotification", "OCPP 1.6 §9.1.23 StopTransactionOnEVSideDisconnect", "OCPP 1.6 §9.1.33 UnlockConnectorOnEVSideDisconnect"],
    };

    public override string? NotApplicableTo(Declared model) =>
        base.NotApplicableTo(model) ?? (model.FixedCable ? "the model has a fixed cable" : null);

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var keys = new KeySettings();
        try
        {
            await EvSideDisconnect.ConfigureAsync(t, keys, stop: true, unlock: true).ConfigureAwait(false);
            var transactionId = await EvSideDisconnect.ChargingAsync(t).ConfigureAwait(false);
            await EvSideDisconnect.UnplugAtEvAsync(t).ConfigureAwait(false);

            // Steps 1 and 3 may come in either order.
            var stop = await t.ExpectAsync(V16Calls.StopTransaction, "1", s => s.TransactionId == transactionId, requirement: "OCPP 1.6 §4.10: StopTransactionOnEVSideDisconnect true").ConfigureAwait(false);
            t.Check(stop.Request.Reason == Reason.EVDisconnected, "1", "StopTransaction.req reason is EVDisconnected", $"reason is {stop.Request.Reason?.ToString() ?? "absent (meaning Local)"}",
                "With StopTransactionOnEVSideDisconnect true, stop the transaction when the cable is unplugged at the EV and send reason EVDisconnected (OCPP 1.6 §4.10, §7.42 Reason).", stop.Call, "OCPP 1.6 §7.42 Reason");
            var status = await t.ExpectAsync(V16Calls.StatusNotification, "3", s => s.ConnectorId == t.Connector, requirement: "OCPP 1.6 §4.9").ConfigureAwait(false);
            t.Check(status.Request.Status == ChargePointStatus.Finishing, "3", "StatusNotification.req status is Finishing", $"status is {status.Request.Status}",
                "When the transaction stops because the EV side was disconnected, report Finishing while the cable is still in the socket (OCPP 1.6 §4.9: \"a StatusNotification.req with the state: 'Finishing' SHOULD be send\").",
                status.Call, "OCPP 1.6 §4.9");
        }
        finally
        {
            await keys.RestoreAsync(t).ConfigureAwait(false);
        }
    }
}
