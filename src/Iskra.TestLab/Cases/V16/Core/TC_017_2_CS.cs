using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;

namespace Iskra.TestLab.Cases.V16.Core;

/// <summary>OCTT 1.6 Table 22: UnlockConnector on a station with a fixed cable is NotSupported.</summary>
public sealed class TC_017_2_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_017_2_CS", "Unlock connector - no charging session running (Fixed cable)", "Core", "OCTT 1.6 §2.7.2")
    {
        Requirements = ["OCPP 1.6 §5.18 UnlockConnector"],
    };

    public override string? NotApplicableTo(Declared model) =>
        base.NotApplicableTo(model) ?? (model.FixedCable ? null : "the model has no fixed cable");

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var answer = await t.SendAsync(V16Calls.UnlockConnector, new UnlockConnectorRequest { ConnectorId = t.Connector }, "1").ConfigureAwait(false);
        t.Check(answer.Status == UnlockStatus.NotSupported, "2", "UnlockConnector.conf status is NotSupported (a fixed cable has nothing to unlock)", $"status is {answer.Status}",
            "Answer UnlockConnector with NotSupported on a connector with a permanently attached cable (OCPP 1.6 §5.18, §7.46 UnlockStatus).", requirement: "OCPP 1.6 §5.18");
    }
}
