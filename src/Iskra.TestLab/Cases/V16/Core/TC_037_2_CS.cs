using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Core;

/// <summary>OCTT 1.6 Table 41: a transaction started offline is refused in StartTransaction.conf; with StopTransactionOnInvalidId false it goes on without energy (SuspendedEVSE).</summary>
public sealed class TC_037_2_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_037_2_CS", "Offline Start Transaction - Invalid IdTag - StopTransactionOnInvalidId = false", "Core", "OCTT 1.6 §2.14.3")
    {
        Requirements = ["OCPP 1.6 §3.5.1 Unknown Offline Authorization", "OCPP 1.6 §9.1.24 StopTransactionOnInvalidId", "OCPP 1.6 §4.9 StatusNotification"],
    };

    public override string? NotApplicableTo(Declared model) =>
        base.NotApplicableTo(model) ?? OfflineStart.NotApplicableTo(model);

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var before = await Offline.AuthorizationAsync(t, t.Model.OtherIdTag, ("StopTransactionOnInvalidId", "false"), ("MaxEnergyOnInvalidId", "0")).ConfigureAwait(false);
        try
        {
            t.Answers.Script(V16Calls.StartTransaction, r => new StartTransactionResponse { IdTagInfo = new IdTagInfo { Status = AuthorizationStatus.Invalid }, TransactionId = t.State.Started(r.ConnectorId) });
            await OfflineStart.StartAsync(t, t.Model.OtherIdTag).ConfigureAwait(false);
            await Charging.ChargingStatusAsync(t, t.Connector).ConfigureAwait(false);
            var suspended = await t.ExpectAsync(V16Calls.StatusNotification, "5", s => s.ConnectorId == t.Connector, requirement: "OCPP 1.6 §3.5.1").ConfigureAwait(false);
            t.Check(suspended.Request.Status == ChargePointStatus.SuspendedEVSE, "5", "StatusNotification.req status is SuspendedEVSE: the id tag was refused and energy delivery stops",
                $"status is {suspended.Request.Status}",
                "When StartTransaction.conf refuses the id tag of an ongoing transaction and StopTransactionOnInvalidId is false, stop only the energy delivery (up to MaxEnergyOnInvalidId) and report SuspendedEVSE (OCPP 1.6 §3.5.1, §9.1.24).",
                suspended.Call, "OCPP 1.6 §3.5.1");
        }
        finally
        {
            await before.RestoreAsync(t).ConfigureAwait(false);
        }
    }
}
