using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Core;

/// <summary>OCTT 1.6 Table 16: the Central System stops a running transaction.</summary>
public sealed class TC_012_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_012_CS", "Remote Stop Charging Session", "Core", "OCTT 1.6 §2.5.4")
    {
        Requirements = ["OCPP 1.6 §5.12 RemoteStopTransaction", "OCPP 1.6 §4.10 StopTransaction"],
    };

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var transactionId = await Charging.StartAsync(t, t.Connector, t.Model.IdTag).ConfigureAwait(false);
        var answer = await t.SendAsync(V16Calls.RemoteStopTransaction, new RemoteStopTransactionRequest { TransactionId = transactionId }, "1").ConfigureAwait(false);
        t.Require(answer.Status == RemoteStartStopStatus.Accepted, "2", "RemoteStopTransaction.conf status is Accepted for the running transaction",
            $"status is {answer.Status}", "Accept a RemoteStopTransaction.req for a transaction that is running and stop it (OCPP 1.6 §5.12).", requirement: "OCPP 1.6 §5.12");
        var stop = await t.ExpectAsync(V16Calls.StopTransaction, "3", s => s.TransactionId == transactionId).ConfigureAwait(false);
        t.Check(stop.Request.Reason == Reason.Remote, "3", "StopTransaction.req reason is Remote", $"reason is {stop.Request.Reason?.ToString() ?? "absent (meaning Local)"}",
            "Set reason Remote in StopTransaction.req when the transaction was stopped by RemoteStopTransaction (OCPP 1.6 §7.42).", stop.Call, "OCPP 1.6 §7.42 Reason");
        var status = await t.ExpectAsync(V16Calls.StatusNotification, "5", s => s.ConnectorId == t.Connector).ConfigureAwait(false);
        t.Check(status.Request.Status == ChargePointStatus.Finishing, "5", "StatusNotification.req status is Finishing (the cable is still in)", $"status is {status.Request.Status}",
            "After a transaction stops with the cable still plugged in, report Finishing (OCPP 1.6 §4.9, ChargePointStatus).", status.Call, "OCPP 1.6 §4.9");
    }
}
