using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Core;

/// <summary>OCTT 1.6 Table 44: a whole transaction takes place offline; its start and stop are sent once the connection returns.</summary>
public sealed class TC_039_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_039_CS", "Offline Transaction", "Core", "OCTT 1.6 §2.14.6")
    {
        Requirements = ["OCPP 1.6 §3.5 Local Authorization & Offline Behavior", "OCPP 1.6 §4.8 StartTransaction", "OCPP 1.6 §4.10 StopTransaction"],
    };

    public override string? NotApplicableTo(Declared model) =>
        base.NotApplicableTo(model) ?? OfflineStart.NotApplicableTo(model);

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var before = await Offline.AuthorizationAsync(t, t.Model.IdTag).ConfigureAwait(false);
        try
        {
            await Offline.WhileOfflineAsync(t, async () =>
            {
                await t.ManualAsync(ManualAction.PlugIn(t.Connector)).ConfigureAwait(false);
                await t.ManualAsync(ManualAction.PresentCard(t.Connector, t.Model.IdTag)).ConfigureAwait(false);
                await t.DelayAsync(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
                await t.ManualAsync(ManualAction.PresentCard(t.Connector, t.Model.IdTag)).ConfigureAwait(false);
                await t.ManualAsync(ManualAction.Unplug(t.Connector)).ConfigureAwait(false);
            }).ConfigureAwait(false);

            var start = await t.ExpectAsync(V16Calls.StartTransaction, "1", s => s.ConnectorId == t.Connector, t.Settings.StationTimeout * 2,
                "OCPP 1.6 §3.5.1: a transaction authorized offline is sent as StartTransaction.req when the connection is restored").ConfigureAwait(false);
            t.Check(start.Request.IdTag == t.Model.IdTag, "1", $"StartTransaction.req idTag is '{t.Model.IdTag}'", $"idTag is '{start.Request.IdTag}'",
                "Start the transaction with the identifier that was presented offline.", start.Call, "OCPP 1.6 §4.8");
            var stop = await t.ExpectAsync(V16Calls.StopTransaction, "3", s => s.TransactionId == t.State.LastTransaction.GetValueOrDefault(t.Connector),
                requirement: "OCPP 1.6 §4.10: the StopTransaction.req of an offline transaction carries the transactionId of its StartTransaction.conf").ConfigureAwait(false);
            t.Check(stop.Request.Reason is null or Reason.Local, "3", "StopTransaction.req reason is Local or is omitted", $"reason is {stop.Request.Reason}",
                "Use reason Local (or omit it) when the driver stops the transaction at the station, also while offline (OCPP 1.6 §7.42).", stop.Call, "OCPP 1.6 §7.42 Reason");
        }
        finally
        {
            await before.RestoreAsync(t).ConfigureAwait(false);
        }
    }
}
