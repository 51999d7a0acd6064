using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;

namespace Iskra.TestLab.Cases.V16.Core;

/// <summary>OCTT 1.6 Table 32: a remote start on connectorId 0 is Rejected (or refused with a CALLERROR).</summary>
public sealed class TC_027_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_027_CS", "Remote start transaction - connector id shall not be 0", "Core", "OCTT 1.6 §2.11.2")
    {
        Requirements = ["OCPP 1.6 §5.11 RemoteStartTransaction", "OCPP 1.6 §6.33 RemoteStartTransaction.req (connectorId SHALL be > 0)"],
    };

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var (error, answer) = await t.TrySendAsync(V16Calls.RemoteStartTransaction, new RemoteStartTransactionRequest { ConnectorId = 0, IdTag = t.Model.IdTag }, "1").ConfigureAwait(false);
        if (error is not null)
        {
            return; // the document allows a CallError instead of a conf
        }

        t.Check(answer!.Status == RemoteStartStopStatus.Rejected, "2", "RemoteStartTransaction.conf status is Rejected (or a CallError): connectorId 0 is the whole Charge Point, not a connector",
            $"status is {answer.Status}", "Reject a RemoteStartTransaction.req with connectorId 0 and start nothing (OCPP 1.6 §6.33: connectorId SHALL be > 0; §3.8: connector 0 addresses the whole Charge Point).",
            requirement: "OCPP 1.6 §6.33 RemoteStartTransaction.req");
    }
}
