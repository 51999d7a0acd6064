using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Core;

/// <summary>OCTT 1.6 Table 6: while charging, another card does not stop the transaction; the card that started it does.</summary>
public sealed class TC_068_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_068_CS", "Stop transaction - IdTag in StopTransaction matches IdTag in StartTransaction", "Core", "OCTT 1.6 §2.3.1")
    {
        Requirements = ["OCPP 1.6 §4.10 StopTransaction", "OCPP 1.6 §3.10 Parent idTag"],
    };

    public override string? NotApplicableTo(Declared model) =>
        base.NotApplicableTo(model) ?? (model.CardReader ? null : "the model has no card reader");

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var c = t.Connector;
        var transactionId = await Charging.StartAsync(t, c, t.Model.IdTag).ConfigureAwait(false);

        await t.ManualAsync(ManualAction.PresentCard(c, t.Model.OtherIdTag)).ConfigureAwait(false);
        await t.ExpectNoneAsync(V16Calls.Authorize, "1", t.Settings.QuietPeriod, null,
            $"The Charge Point does NOT send an Authorize.req for '{t.Model.OtherIdTag}': the transaction's id tag has no parentIdTag, so no other card can belong to its group",
            "While a transaction runs whose id tag has no parentIdTag, a different card cannot stop it: do not authorize it with the Central System (OCPP 1.6 §3.10, §4.10).", "OCPP 1.6 §3.10").ConfigureAwait(false);
        await t.ExpectNoneAsync(V16Calls.StopTransaction, "1", t.Settings.QuietPeriod, null,
            $"The Charge Point does NOT stop the transaction for the card '{t.Model.OtherIdTag}', which did not start it",
            "Stop a transaction only for the id tag that started it or one of the same parentIdTag group (OCPP 1.6 §3.10, §4.10).", "OCPP 1.6 §3.10").ConfigureAwait(false);

        await t.ManualAsync(ManualAction.PresentCard(c, t.Model.IdTag)).ConfigureAwait(false);
        var stop = await t.ExpectAsync(V16Calls.StopTransaction, "3", s => s.TransactionId == transactionId, requirement: "OCPP 1.6 §4.10").ConfigureAwait(false);
        t.Check(stop.Request.IdTag == t.Model.IdTag, "3", $"StopTransaction.req idTag is '{t.Model.IdTag}', the id tag that started the transaction", $"idTag is {(stop.Request.IdTag is null ? "absent" : $"'{stop.Request.IdTag}'")}",
            "Put the id tag that stopped the transaction in StopTransaction.req idTag (OCPP 1.6 §6.49).", stop.Call, "OCPP 1.6 §4.10");
        var status = await t.ExpectAsync(V16Calls.StatusNotification, "5", s => s.ConnectorId == c, requirement: "OCPP 1.6 §4.9").ConfigureAwait(false);
        t.Check(status.Request.Status == ChargePointStatus.Finishing, "5", "StatusNotification.req status is Finishing (the cable is still in)", $"status is {status.Request.Status}",
            "After a transaction stops with the cable still plugged in, report Finishing (OCPP 1.6 §4.9).", status.Call, "OCPP 1.6 §4.9");
    }
}
