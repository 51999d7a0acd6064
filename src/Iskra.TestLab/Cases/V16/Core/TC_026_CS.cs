using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Core;

/// <summary>OCTT 1.6 Table 31: a remote start on a connector that is already charging is Rejected.</summary>
public sealed class TC_026_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_026_CS", "Remote Start Charging Session – Rejected", "Core", "OCTT 1.6 §2.11.1")
    {
        Requirements = ["OCPP 1.6 §5.11 RemoteStartTransaction"],
    };

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        await Charging.StartAsync(t, t.Connector, t.Model.IdTag).ConfigureAwait(false);
        var answer = await t.SendAsync(V16Calls.RemoteStartTransaction, new RemoteStartTransactionRequest { ConnectorId = t.Connector, IdTag = t.Model.OtherIdTag }, "1").ConfigureAwait(false);
        t.Check(answer.Status == RemoteStartStopStatus.Rejected, "2", "RemoteStartTransaction.conf status is Rejected: the connector is already in a transaction",
            $"status is {answer.Status}", "Reject a RemoteStartTransaction.req for a connector that already runs a transaction (OCPP 1.6 §5.11).", requirement: "OCPP 1.6 §5.11");
    }
}
