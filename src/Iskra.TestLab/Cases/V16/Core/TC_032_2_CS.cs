using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Core;

/// <summary>
/// OCTT 1.6 Table 37: the power fails during a transaction on a station without back-up power; after the boot the
/// transaction is either resumed (and the driver stops it) or was stopped by the station with reason PowerLoss.
/// </summary>
public sealed class TC_032_2_CS : LabCase
{
    private static readonly ChargePointStatus[] AfterBoot = [ChargePointStatus.Preparing, ChargePointStatus.Finishing, ChargePointStatus.Charging];

    public override CaseInfo Info { get; } = new("TC_032_2_CS", "Power failure boot charging point-configured to stop transaction(s)", "Core", "OCTT 1.6 §2.13.2")
    {
        Requirements = ["OCPP 1.6 §4.2 BootNotification", "OCPP 1.6 §4.9 StatusNotification", "OCPP 1.6 §4.10 StopTransaction", "OCPP 1.6 §7.42 Reason (PowerLoss)"],
    };

    public override string? NotApplicableTo(Declared model) =>
        base.NotApplicableTo(model) ?? (model.BackupPower ? "the model has a back-up power source: it stops transactions before going down (TC_032_1_CS)" : null);

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var transactionId = await Charging.StartAsync(t, t.Connector, t.Model.IdTag).ConfigureAwait(false);
        await t.ManualAsync(ManualAction.PowerCycle()).ConfigureAwait(false);
        await t.ExpectAsync(V16Calls.BootNotification, "1", within: t.Settings.StationTimeout * 2, requirement: "OCPP 1.6 §4.2").ConfigureAwait(false);

        // Step 3 (steps 3-7 may come in any order): a status per connector and connectorId 0.
        var resumed = false;
        for (var connector = 0; connector <= t.Model.Connectors; connector++)
        {
            var c = connector;
            var status = await t.ExpectAsync(V16Calls.StatusNotification, "3", s => s.ConnectorId == c && (c != t.Connector || s.Status is not (ChargePointStatus.Available or ChargePointStatus.Unavailable)),
                requirement: "OCPP 1.6 §4.9: a StatusNotification per connector and connectorId 0 after the boot").ConfigureAwait(false);
            if (c == t.Connector)
            {
                resumed = status.Request.Status == ChargePointStatus.Charging;
                t.Check(AfterBoot.Contains(status.Request.Status), "3", $"StatusNotification.req of connector {c}, which had the transaction, has status Preparing, Finishing or Charging",
                    $"status is {status.Request.Status}", "After a power failure, report the connector that had a transaction as Charging (resumed), or Finishing/Preparing (stopped, cable still in) (OCPP 1.6 §4.9).",
                    status.Call, "OCPP 1.6 §4.9");
            }
            else
            {
                t.Check(status.Request.Status == ChargePointStatus.Available, "3", $"StatusNotification.req of connector {c} has status Available",
                    $"status is {status.Request.Status}", "After the boot, report each idle connector (and connector 0) as Available (OCPP 1.6 §4.9).", status.Call, "OCPP 1.6 §4.9");
            }
        }

        if (resumed)
        {
            // [The transaction is resumed: the driver stops it with the card.]
            await t.ManualAsync(ManualAction.PresentCard(t.Connector, t.Model.IdTag)).ConfigureAwait(false);
        }

        var stop = await t.ExpectAsync(V16Calls.StopTransaction, "5", s => s.TransactionId == transactionId, requirement: "OCPP 1.6 §4.10").ConfigureAwait(false);
        if (resumed)
        {
            t.Check(stop.Request.Reason is null or Reason.Local, "5", "StopTransaction.req reason is Local or omitted: the driver stopped the resumed transaction",
                $"reason is {stop.Request.Reason}", "Use reason Local (or omit it) when the driver stops the transaction at the station (OCPP 1.6 §7.42).", stop.Call, "OCPP 1.6 §7.42 Reason");
            var finishing = await t.ExpectAsync(V16Calls.StatusNotification, "7", s => s.ConnectorId == t.Connector, requirement: "OCPP 1.6 §4.9").ConfigureAwait(false);
            t.Check(finishing.Request.Status is ChargePointStatus.Preparing or ChargePointStatus.Finishing, "7", "StatusNotification.req status is Preparing or Finishing",
                $"status is {finishing.Request.Status}", "Report Finishing after the transaction stopped with the cable still plugged in (OCPP 1.6 §4.9).", finishing.Call, "OCPP 1.6 §4.9");
        }
        else
        {
            t.Check(stop.Request.Reason == Reason.PowerLoss, "5", "StopTransaction.req reason is PowerLoss: the station stopped the transaction because of the power failure",
                $"reason is {stop.Request.Reason?.ToString() ?? "absent (meaning Local)"}", "Stop a transaction that a power failure interrupted with reason PowerLoss (OCPP 1.6 §7.42).", stop.Call, "OCPP 1.6 §7.42 Reason");
        }
    }
}
