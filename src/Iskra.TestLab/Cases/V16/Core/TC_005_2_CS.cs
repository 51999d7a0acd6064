using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Core;

/// <summary>
/// OCTT 1.6 Table 9: with StopTransactionOnEVSideDisconnect true and UnlockConnectorOnEVSideDisconnect false,
/// unplugging at the EV stops the transaction (EVDisconnected) and the cable stays locked until the Central System
/// unlocks the connector.
/// </summary>
public sealed class TC_005_2_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_005_2_CS", "EV Side Disconnected - StopTransactionOnEVSideDisconnect = true - UnlockConnectorOnEVSideDisconnect = false", "Core", "OCTT 1.6 §2.3.4")
    {
        Requirements = ["OCPP 1.6 §4.10 StopTransaction", "OCPP 1.6 §4.9 StatusNotification", "OCPP 1.6 §5.18 UnlockConnector", "OCPP 1.6 §9.1.23 StopTransactionOnEVSideDisconnect", "OCPP 1.6 §9.1.33 UnlockConnectorOnEVSideDisconnect"],
    };

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var keys = new KeySettings();
        try
        {
            await EvSideDisconnect.ConfigureAsync(t, keys, stop: true, unlock: false).ConfigureAwait(false);
            var transactionId = await EvSideDisconnect.ChargingAsync(t).ConfigureAwait(false);
            await EvSideDisconnect.UnplugAtEvAsync(t).ConfigureAwait(false);

            // Steps 1 and 3 may come in either order.
            var stop = await t.ExpectAsync(V16Calls.StopTransaction, "1", s => s.TransactionId == transactionId, requirement: "OCPP 1.6 §4.10: StopTransactionOnEVSideDisconnect true").ConfigureAwait(false);
            t.Check(stop.Request.Reason == Reason.EVDisconnected, "1", "StopTransaction.req reason is EVDisconnected", $"reason is {stop.Request.Reason?.ToString() ?? "absent (meaning Local)"}",
                "With StopTransactionOnEVSideDisconnect true, stop the transaction when the cable is unplugged at the EV and send reason EVDisconnected (OCPP 1.6 §4.10, §7.42 Reason).", stop.Call, "OCPP 1.6 §7.42 Reason");
            var status = await t.ExpectAsync(V16Calls.StatusNotification, "3", s => s.ConnectorId == t.Connector, requirement: "OCPP 1.6 §4.9").ConfigureAwait(false);
            t.Check(status.Request.Status is ChargePointStatus.Finishing or ChargePointStatus.Available, "3", "StatusNotification.req status is Finishing or Available", $"status is {status.Request.Status}",
                "When the transaction stops because the EV side was disconnected, report Finishing while the cable is still locked in the socket, Available once the connector is free (OCPP 1.6 §4.9).",
                status.Call, "OCPP 1.6 §4.9");

            var unlock = await t.SendAsync(V16Calls.UnlockConnector, new UnlockConnectorRequest { ConnectorId = t.Connector }, "5", "OCPP 1.6 §5.18 UnlockConnector").ConfigureAwait(false);
            t.Check(unlock.Status is UnlockStatus.Unlocked or UnlockStatus.NotSupported, "6", "UnlockConnector.conf status is Unlocked or NotSupported", $"status is {unlock.Status}",
                "Release the cable that UnlockConnectorOnEVSideDisconnect false kept locked when the Central System asks, and answer Unlocked (NotSupported for a connector without a lock) (OCPP 1.6 §5.18, §7.46 UnlockStatus).",
                requirement: "OCPP 1.6 §5.18");
        }
        finally
        {
            await keys.RestoreAsync(t).ConfigureAwait(false);
        }
    }
}
