using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Core;

/// <summary>OCTT 1.6 Table 33: while charging, a remote stop of an unknown transaction id is Rejected.</summary>
public sealed class TC_028_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_028_CS", "Remote Stop Transaction – Rejected", "Core", "OCTT 1.6 §2.11.3")
    {
        Requirements = ["OCPP 1.6 §5.12 RemoteStopTransaction"],
    };

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var transactionId = await Charging.StartAsync(t, t.Connector, t.Model.IdTag).ConfigureAwait(false);
        var unknown = t.State.NextTransactionId(); // never given to the station
        var answer = await t.SendAsync(V16Calls.RemoteStopTransaction, new RemoteStopTransactionRequest { TransactionId = unknown }, "1").ConfigureAwait(false);
        t.Check(answer.Status == RemoteStartStopStatus.Rejected, "2", $"RemoteStopTransaction.conf status is Rejected: transaction {unknown} is unknown (transaction {transactionId} runs)",
            $"status is {answer.Status}", "Accept a RemoteStopTransaction.req only when a transaction with that transactionId is ongoing; reject any other (OCPP 1.6 §5.12).", requirement: "OCPP 1.6 §5.12");
        await t.ExpectNoneAsync(V16Calls.StopTransaction, "2", t.Settings.QuietPeriod, s => s.TransactionId == transactionId,
            $"The running transaction {transactionId} goes on", "Do not stop a running transaction because of a RemoteStopTransaction.req for another transactionId (OCPP 1.6 §5.12).", "OCPP 1.6 §5.12").ConfigureAwait(false);
    }
}
