using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Core;

/// <summary>
/// OCTT 1.6 Table 10: with StopTransactionOnEVSideDisconnect false, unplugging at the EV suspends the transaction
/// (SuspendedEV, info "EV side disconnected") instead of stopping it; the Central System then stops it remotely.
/// </summary>
public sealed class TC_005_3_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_005_3_CS", "EV Side Disconnected - StopTransactionOnEVSideDisconnect = false - UnlockConnectorOnEVSideDisconnect = false", "Core", "OCTT 1.6 §2.3.5")
    {
        Requirements = ["OCPP 1.6 §4.9 StatusNotification", "OCPP 1.6 §4.10 StopTransaction", "OCPP 1.6 §5.12 RemoteStopTransaction", "OCPP 1.6 §9.1.23 StopTransactionOnEVSideDisconnect", "OCPP 1.6 §9.1.33 UnlockConnectorOnEVSideDisconnect"],
    };

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var keys = new KeySettings();
        try
        {
            await EvSideDisconnect.ConfigureAsync(t, keys, stop: false, unlock: false).ConfigureAwait(false);
            var transactionId = await EvSideDisconnect.ChargingAsync(t).ConfigureAwait(false);
            await EvSideDisconnect.UnplugAtEvAsync(t).ConfigureAwait(false);

            var suspended = await t.ExpectAsync(V16Calls.StatusNotification, "1", s => s.ConnectorId == t.Connector, requirement: "OCPP 1.6 §4.9").ConfigureAwait(false);
            t.Check(suspended.Request.Status is ChargePointStatus.SuspendedEV or ChargePointStatus.SuspendedEVSE, "1", "StatusNotification.req status is SuspendedEV and/or SuspendedEVSE",
                $"status is {suspended.Request.Status}",
                "With StopTransactionOnEVSideDisconnect false, keep the transaction running when the cable is unplugged at the EV and report SuspendedEV (OCPP 1.6 §4.9, §4.10: the transaction SHALL not be stopped).",
                suspended.Call, "OCPP 1.6 §4.9");
            t.Check(string.Equals(suspended.Request.Info?.Trim(), "EV side disconnected", StringComparison.OrdinalIgnoreCase), "1", "StatusNotification.req info is \"EV side disconnected\"",
                suspended.Request.Info is null ? "info is absent" : $"info is \"{suspended.Request.Info}\"",
                "Put the reason of the suspension in the info field: 'EV side disconnected' (OCPP 1.6 §4.9).", suspended.Call, "OCPP 1.6 §4.9");

            var answer = await t.SendAsync(V16Calls.RemoteStopTransaction, new RemoteStopTransactionRequest { TransactionId = transactionId }, "3", "OCPP 1.6 §5.12 RemoteStopTransaction").ConfigureAwait(false);
            t.Require(answer.Status == RemoteStartStopStatus.Accepted, "4", "RemoteStopTransaction.conf status is Accepted: the transaction is still running", $"status is {answer.Status}",
                "Do not stop the transaction when the cable is unplugged at the EV while StopTransactionOnEVSideDisconnect is false (OCPP 1.6 §4.10), so a RemoteStopTransaction.req for it is Accepted (OCPP 1.6 §5.12).",
                requirement: "OCPP 1.6 §5.12");

            // Steps 5 and 7 may come in either order.
            var finishing = await t.ExpectAsync(V16Calls.StatusNotification, "5", s => s.ConnectorId == t.Connector && s.Status is not (ChargePointStatus.SuspendedEV or ChargePointStatus.SuspendedEVSE),
                requirement: "OCPP 1.6 §4.9").ConfigureAwait(false);
            var expected = t.Model.FixedCable ? ChargePointStatus.Available : ChargePointStatus.Finishing;
            t.Check(finishing.Request.Status == expected, "5", $"StatusNotification.req status is {expected}" + (t.Model.FixedCable ? " (a fixed cable)" : " (the cable is still in the socket)"),
                $"status is {finishing.Request.Status}",
                t.Model.FixedCable
                    ? "After the transaction stops with the EV already disconnected, report Available (OCPP 1.6 §4.9)."
                    : "After the transaction stops with the cable still in the socket, report Finishing until it is removed (OCPP 1.6 §4.9).",
                finishing.Call, "OCPP 1.6 §4.9");
            var stop = await t.ExpectAsync(V16Calls.StopTransaction, "7", s => s.TransactionId == transactionId, requirement: "OCPP 1.6 §4.10").ConfigureAwait(false);
            t.Check(stop.Request.Reason == Reason.Remote, "7", "StopTransaction.req reason is Remote", $"reason is {stop.Request.Reason?.ToString() ?? "absent (meaning Local)"}",
                "Set reason Remote in StopTransaction.req when RemoteStopTransaction ended the transaction (OCPP 1.6 §7.42).", stop.Call, "OCPP 1.6 §7.42 Reason");
        }
        finally
        {
            await keys.RestoreAsync(t).ConfigureAwait(false);
        }
    }
}
