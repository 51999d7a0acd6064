using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Core;

/// <summary>OCTT 1.6 Table 7: while charging, a different card of the same parentIdTag group stops the transaction.</summary>
public sealed class TC_069_CS : LabCase
{
    /// <summary>The group both cards belong to, as the lab answers in IdTagInfo.parentIdTag.</summary>
    private const string Group = "LAB-GROUP-1";

    public override CaseInfo Info { get; } = new("TC_069_CS", "Stop transaction - ParentIdTag in StopTransaction matches ParentIdTag in StartTransaction", "Core", "OCTT 1.6 §2.3.2")
    {
        Requirements = ["OCPP 1.6 §3.10 Parent idTag", "OCPP 1.6 §4.1 Authorize", "OCPP 1.6 §4.10 StopTransaction"],
    };

    public override string? NotApplicableTo(Declared model) =>
        base.NotApplicableTo(model) ?? (model.CardReader ? null : "the model has no card reader");

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var c = t.Connector;
        var grouped = new IdTagInfo { Status = AuthorizationStatus.Accepted, ParentIdTag = Group };
        t.Answers.Script(V16Calls.Authorize, _ => new AuthorizeResponse { IdTagInfo = grouped });
        t.Answers.Script(V16Calls.StartTransaction, r => new StartTransactionResponse { IdTagInfo = grouped, TransactionId = t.State.Started(r.ConnectorId) });
        var transactionId = await Charging.StartAsync(t, c, t.Model.IdTag).ConfigureAwait(false);

        await t.ManualAsync(ManualAction.PresentCard(c, t.Model.OtherIdTag)).ConfigureAwait(false);
        var authorize = await t.ExpectAsync(V16Calls.Authorize, "1", requirement: "OCPP 1.6 §3.10: another card of the group may stop the transaction").ConfigureAwait(false);
        t.Check(authorize.Request.IdTag == t.Model.OtherIdTag, "1", $"Authorize.req idTag is '{t.Model.OtherIdTag}', different from the one that started the transaction", $"idTag is '{authorize.Request.IdTag}'",
            "Authorize the presented card, unchanged, to learn its parentIdTag (OCPP 1.6 §3.10, §4.1).", authorize.Call, "OCPP 1.6 §4.1");

        var stop = await t.ExpectAsync(V16Calls.StopTransaction, "3", s => s.TransactionId == transactionId, requirement: "OCPP 1.6 §3.10: a card of the same parentIdTag stops the transaction").ConfigureAwait(false);
        t.Check(stop.Request.IdTag == t.Model.OtherIdTag, "3", $"StopTransaction.req idTag is '{t.Model.OtherIdTag}', the card of step 1", $"idTag is {(stop.Request.IdTag is null ? "absent" : $"'{stop.Request.IdTag}'")}",
            "Put the id tag that stopped the transaction in StopTransaction.req idTag (OCPP 1.6 §6.49), here the other card of the group.", stop.Call, "OCPP 1.6 §4.10");
        var status = await t.ExpectAsync(V16Calls.StatusNotification, "5", s => s.ConnectorId == c, requirement: "OCPP 1.6 §4.9").ConfigureAwait(false);
        t.Check(status.Request.Status == ChargePointStatus.Finishing, "5", "StatusNotification.req status is Finishing (the cable is still in)", $"status is {status.Request.Status}",
            "After a transaction stops with the cable still plugged in, report Finishing (OCPP 1.6 §4.9).", status.Call, "OCPP 1.6 §4.9");
    }
}
