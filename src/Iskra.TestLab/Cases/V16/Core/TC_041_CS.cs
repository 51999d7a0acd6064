using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;

namespace Iskra.TestLab.Cases.V16.Core;

/// <summary>OCTT 1.6 Table 47: a faulted Charge Point reports Faulted and refuses to start a transaction.</summary>
public sealed class TC_041_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_041_CS", "Fault Behavior", "Core", "OCTT 1.6 §2.16.1")
    {
        Requirements = ["OCPP 1.6 §4.9 StatusNotification", "OCPP 1.6 §7.7 ChargePointStatus (Faulted)"],
    };

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        await t.ManualAsync(ManualAction.Fault(t.Connector)).ConfigureAwait(false);
        var faulted = await t.ExpectAsync(V16Calls.StatusNotification, "1", s => s.ConnectorId == t.Connector, requirement: "OCPP 1.6 §4.9").ConfigureAwait(false);
        t.Require(faulted.Request.Status == ChargePointStatus.Faulted, "1", "StatusNotification.req status is Faulted", $"status is {faulted.Request.Status} (errorCode {faulted.Request.ErrorCode})",
            "Report status Faulted, with the errorCode of the fault, when a fault makes the connector unusable (OCPP 1.6 §4.9, §7.7).", faulted.Call, "OCPP 1.6 §7.7 ChargePointStatus");

        // Step 3: the EV driver tries to start a transaction.
        await t.ManualAsync(ManualAction.PlugIn(t.Connector)).ConfigureAwait(false);
        try
        {
            if (t.Model.CardReader)
            {
                await t.ManualAsync(ManualAction.PresentCard(t.Connector, t.Model.IdTag)).ConfigureAwait(false);
            }

            await t.ExpectNoneAsync(V16Calls.StartTransaction, "3", t.Settings.QuietPeriod, null,
                "The Charge Point does not start a transaction while it is Faulted",
                "Refuse to start a transaction on a Faulted connector: it is not available for charging (OCPP 1.6 §7.7 Faulted).", "OCPP 1.6 §7.7").ConfigureAwait(false);
        }
        finally
        {
            await t.ManualAsync(ManualAction.Unplug(t.Connector)).ConfigureAwait(false);
        }
    }
}
