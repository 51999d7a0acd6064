using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Core;

/// <summary>OCTT 1.6 Table 36: on a power failure a station with back-up power stops its transaction (PowerLoss) before going down, and boots when the power returns.</summary>
public sealed class TC_032_1_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_032_1_CS", "Power failure boot charging point - configured to stop transaction(s) before going down", "Core", "OCTT 1.6 §2.13.1")
    {
        Requirements = ["OCPP 1.6 §4.10 StopTransaction", "OCPP 1.6 §7.42 Reason (PowerLoss)", "OCPP 1.6 §4.2 BootNotification", "OCPP 1.6 §4.9 StatusNotification"],
    };

    public override string? NotApplicableTo(Declared model) =>
        base.NotApplicableTo(model) ?? (model.BackupPower ? null : "the model has no back-up power source to stop transactions before going down (TC_032_2_CS)");

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var transactionId = await Charging.StartAsync(t, t.Connector, t.Model.IdTag).ConfigureAwait(false);
        await t.ManualAsync(ManualAction.PowerCut()).ConfigureAwait(false);
        try
        {
            var stop = await t.ExpectAsync(V16Calls.StopTransaction, "1", s => s.TransactionId == transactionId, requirement: "OCPP 1.6 §4.10").ConfigureAwait(false);
            t.Check(stop.Request.Reason == Reason.PowerLoss, "1", "StopTransaction.req reason is PowerLoss", $"reason is {stop.Request.Reason?.ToString() ?? "absent (meaning Local)"}",
                "Stop the transactions with reason PowerLoss when the power fails and the back-up power keeps the station up (OCPP 1.6 §7.42).", stop.Call, "OCPP 1.6 §7.42 Reason");
            var finishing = await t.ExpectAsync(V16Calls.StatusNotification, "3", s => s.ConnectorId == t.Connector, requirement: "OCPP 1.6 §4.9").ConfigureAwait(false);
            t.Check(finishing.Request.Status == ChargePointStatus.Finishing, "3", "StatusNotification.req status is Finishing", $"status is {finishing.Request.Status}",
                "Report Finishing after the transaction stopped with the cable still plugged in, before going down (OCPP 1.6 §4.9).", finishing.Call, "OCPP 1.6 §4.9");
        }
        catch (CaseStoppedException)
        {
            // The power comes back before the case ends, and the station is back before the return to idle.
            await t.ManualAsync(ManualAction.PowerRestore()).ConfigureAwait(false);
            await t.MaybeAsync(V16Calls.BootNotification, within: t.Settings.StationTimeout * 2).ConfigureAwait(false);
            await t.DelayAsync(t.Settings.QuietPeriod).ConfigureAwait(false);
            throw;
        }

        await t.ManualAsync(ManualAction.PowerRestore()).ConfigureAwait(false);
        await t.ExpectAsync(V16Calls.BootNotification, "5", within: t.Settings.StationTimeout * 2, requirement: "OCPP 1.6 §4.2").ConfigureAwait(false);
        for (var connector = 0; connector <= t.Model.Connectors; connector++)
        {
            var c = connector;
            var status = await t.ExpectAsync(V16Calls.StatusNotification, "7", s => s.ConnectorId == c, requirement: "OCPP 1.6 §4.9: a StatusNotification per connector and connectorId 0 after the boot").ConfigureAwait(false);
            if (c == t.Connector)
            {
                t.Check(status.Request.Status is ChargePointStatus.Finishing or ChargePointStatus.Preparing, "7", $"StatusNotification.req of connector {c}, which had the transaction, has status Finishing or Preparing",
                    $"status is {status.Request.Status}", "After the boot, report the connector whose transaction was stopped, with the cable still in, as Finishing or Preparing (OCPP 1.6 §4.9).", status.Call, "OCPP 1.6 §4.9");
            }
            else
            {
                t.Check(status.Request.Status == ChargePointStatus.Available, "7", $"StatusNotification.req of connector {c} has status Available",
                    $"status is {status.Request.Status}", "After the boot, report each idle connector (and connector 0) as Available (OCPP 1.6 §4.9).", status.Call, "OCPP 1.6 §4.9");
            }
        }
    }
}
