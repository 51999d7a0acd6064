using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;

namespace Iskra.TestLab.Cases.V16.Core;

/// <summary>OCTT 1.6 Table 34: with the cable lock made to fail, UnlockConnector is answered UnlockFailed.</summary>
public sealed class TC_030_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_030_CS", "Unlock Connector – Unlock Failure", "Core", "OCTT 1.6 §2.12.1")
    {
        Requirements = ["OCPP 1.6 §5.18 UnlockConnector"],
    };

    public override string? NotApplicableTo(Declared model) =>
        base.NotApplicableTo(model) ?? (model.FixedCable ? "the model has a fixed cable: there is no cable lock to fail" : null);

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        await t.ManualAsync(ManualAction.JamLock(t.Connector)).ConfigureAwait(false); // prerequisite: a state where a lock failure can be triggered
        try
        {
            var answer = await t.SendAsync(V16Calls.UnlockConnector, new UnlockConnectorRequest { ConnectorId = t.Connector }, "1").ConfigureAwait(false);
            t.Check(answer.Status == UnlockStatus.UnlockFailed, "2", "UnlockConnector.conf status is UnlockFailed: the lock could not be released",
                $"status is {answer.Status}", "Check the lock's position after the unlock attempt and answer UnlockFailed when it did not open, so the operator knows the driver is still stuck (OCPP 1.6 §5.18: the response SHALL indicate whether the Charge Point was able to unlock).",
                requirement: "OCPP 1.6 §5.18");
        }
        finally
        {
            await t.ManualAsync(ManualAction.FreeLock(t.Connector)).ConfigureAwait(false);
        }
    }
}
