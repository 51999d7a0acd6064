using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Core;

/// <summary>OCTT 1.6 Table 42: a transaction started offline is refused in StartTransaction.conf; with StopTransactionOnInvalidId true it stops as DeAuthorized.</summary>
public sealed class TC_037_3_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_037_3_CS", "Offline Start Transaction - Invalid IdTag - StopTransactionOnInvalidId = true", "Core", "OCTT 1.6 §2.14.4")
    {
        Requirements = ["OCPP 1.6 §3.5.1 Unknown Offline Authorization", "OCPP 1.6 §9.1.24 StopTransactionOnInvalidId", "OCPP 1.6 §4.10 StopTransaction"],
    };

    public override string? NotApplicableTo(Declared model) =>
        base.NotApplicableTo(model) ?? OfflineStart.NotApplicableTo(model);

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var before = await Offline.AuthorizationAsync(t, t.Model.OtherIdTag, ("StopTransactionOnInvalidId", "true"), ("MaxEnergyOnInvalidId", "0")).ConfigureAwait(false);
        try
        {
            t.Answers.Script(V16Calls.StartTransaction, r => new StartTransactionResponse { IdTagInfo = new IdTagInfo { Status = AuthorizationStatus.Invalid }, TransactionId = t.State.Started(r.ConnectorId) });
            await OfflineStart.StartAsync(t, t.Model.OtherIdTag).ConfigureAwait(false);
            await Charging.ChargingStatusAsync(t, t.Connector).ConfigureAwait(false);
            var stop = await t.ExpectAsync(V16Calls.StopTransaction, "5", s => s.TransactionId == t.State.LastTransaction.GetValueOrDefault(t.Connector), requirement: "OCPP 1.6 §3.5.1").ConfigureAwait(false);
            t.Check(stop.Request.Reason == Reason.DeAuthorized, "5", "StopTransaction.req reason is DeAuthorized", $"reason is {stop.Request.Reason?.ToString() ?? "absent (meaning Local)"}",
                "When StartTransaction.conf refuses the id tag and StopTransactionOnInvalidId is true, stop the transaction with reason DeAuthorized (OCPP 1.6 §3.5.1, §9.1.24).", stop.Call, "OCPP 1.6 §3.5.1");
            var finishing = await t.ExpectAsync(V16Calls.StatusNotification, "7", s => s.ConnectorId == t.Connector, requirement: "OCPP 1.6 §4.9").ConfigureAwait(false);
            t.Check(finishing.Request.Status == ChargePointStatus.Finishing, "7", "StatusNotification.req status is Finishing (the cable is still in)", $"status is {finishing.Request.Status}",
                "After the transaction stops with the cable still plugged in, report Finishing (OCPP 1.6 §4.9).", finishing.Call, "OCPP 1.6 §4.9");
        }
        finally
        {
            await before.RestoreAsync(t).ConfigureAwait(false);
        }
    }
}
