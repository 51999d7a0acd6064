using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;

namespace Iskra.TestLab.Cases.V16.Core;

/// <summary>OCTT 1.6 Table 21: UnlockConnector on an idle socket connector is Unlocked.</summary>
public sealed class TC_017_1_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_017_1_CS", "Unlock connector - no charging session running (Not fixed cable)", "Core", "OCTT 1.6 §2.7.1")
    {
        Requirements = ["OCPP 1.6 §5.18 UnlockConnector"],
    };

    public override string? NotApplicableTo(Declared model) =>
        base.NotApplicableTo(model) ?? (model.FixedCable ? "the model has a fixed cable" : null);

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var answer = await t.SendAsync(V16Calls.UnlockConnector, new UnlockConnectorRequest { ConnectorId = t.Connector }, "1").ConfigureAwait(false);
        t.Check(answer.Status == UnlockStatus.Unlocked, "2", "UnlockConnector.conf status is Unlocked", $"status is {answer.Status}",
            "Unlock the connector's socket when asked and answer Unlocked (OCPP 1.6 §5.18).", requirement: "OCPP 1.6 §5.18");
    }
}
