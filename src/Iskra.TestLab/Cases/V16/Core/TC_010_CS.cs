using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Core;

/// <summary>OCTT 1.6 Table 13: the cable is in, the Central System starts the transaction remotely.</summary>
public sealed class TC_010_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_010_CS", "Remote Start Charging Session – Cable Plugged in First", "Core", "OCTT 1.6 §2.5.1")
    {
        Requirements = ["OCPP 1.6 §5.11 RemoteStartTransaction", "OCPP 1.6 §4.8 StartTransaction"],
    };

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        await Charging.EvConnectedAsync(t, t.Connector).ConfigureAwait(false);
        var answer = await t.SendAsync(V16Calls.RemoteStartTransaction, new RemoteStartTransactionRequest { ConnectorId = t.Connector, IdTag = t.Model.IdTag }, "1").ConfigureAwait(false);
        t.Require(answer.Status == RemoteStartStopStatus.Accepted, "2", "RemoteStartTransaction.conf status is Accepted",
            $"status is {answer.Status}", "Accept a RemoteStartTransaction.req for an available connector with an EV plugged in, and start the transaction (OCPP 1.6 §5.11).", requirement: "OCPP 1.6 §5.11");
        await Charging.StartedAsync(t, t.Connector, t.Model.IdTag).ConfigureAwait(false);
    }
}
