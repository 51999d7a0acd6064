using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;

namespace Iskra.TestLab.States.V16;

/// <summary>OCTT 1.6 §2.14.2–2.14.4: the EV driver starts a transaction while the station is offline; it is reported once the connection returns.</summary>
public static class OfflineStart
{
    /// <summary>The prerequisite: offline transactions (local list, cache or unknown offline authorization), started with a card.</summary>
    public static string? NotApplicableTo(Declared model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return !model.OfflineAuthorization ? "the model does not authorize offline (no local list, cache or unknown offline authorization)"
            : !model.CardReader ? "the model has no card reader to start a transaction offline"
            : null;
    }

    /// <summary>
    /// [Remove connectivity], [the EV driver starts a transaction with <paramref name="idTag"/>], [restore connectivity];
    /// step 1: the queued StartTransaction.req arrives. Returns it.
    /// </summary>
    public static async Task<Received<StartTransactionRequest>> StartAsync(CaseContext t, string idTag)
    {
        ArgumentNullException.ThrowIfNull(t);
        await Offline.WhileOfflineAsync(t, async () =>
        {
            await t.ManualAsync(ManualAction.PlugIn(t.Connector)).ConfigureAwait(false);
            await t.ManualAsync(ManualAction.PresentCard(t.Connector, idTag)).ConfigureAwait(false);
        }).ConfigureAwait(false);
        var start = await t.ExpectAsync(V16Calls.StartTransaction, "1", s => s.ConnectorId == t.Connector, t.Settings.StationTimeout * 2,
            "OCPP 1.6 §3.5.1: a transaction authorized offline is sent as StartTransaction.req when the connection is restored").ConfigureAwait(false);
        t.Check(start.Request.IdTag == idTag, "1", $"StartTransaction.req idTag is '{idTag}'", $"idTag is '{start.Request.IdTag}'",
            "Start the transaction with the identifier that was presented offline.", start.Call, "OCPP 1.6 §4.8");
        return start;
    }
}
