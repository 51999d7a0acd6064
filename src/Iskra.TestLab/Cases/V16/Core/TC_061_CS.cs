using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Core;

/// <summary>OCTT 1.6 Table 12: after ClearCache the station asks the Central System again for an id tag it had cached.</summary>
public sealed class TC_061_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_061_CS", "Clear Authorization Data in Authorization Cache", "Core", "OCTT 1.6 §2.4.2")
    {
        Requirements = ["OCPP 1.6 §5.4 ClearCache", "OCPP 1.6 §3.5 Authorization Cache", "OCPP 1.6 §4.1 Authorize"],
    };

    public override string? NotApplicableTo(Declared model) =>
        base.NotApplicableTo(model) ?? (model.CardReader ? null : "the model has no card reader");

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var c = t.Connector;
        var timeout = t.Settings.ConnectionTimeOut;
        await AuthorizationCache.RequireAsync(t).ConfigureAwait(false);
        var keys = new KeySettings();
        try
        {
            await keys.SetAsync(t, "AuthorizationCacheEnabled", "true", "before").ConfigureAwait(false);
            await keys.SetAsync(t, "LocalPreAuthorize", "true", "before").ConfigureAwait(false);
            await keys.SetAsync(t, "ConnectionTimeOut", KeySettings.Value(timeout), "before").ConfigureAwait(false);
            await Preparing.ByCardAsync(t, c, t.Model.IdTag).ConfigureAwait(false);
            await Preparing.TimesOutAsync(t, c, "3", timeout).ConfigureAwait(false);

            var clear = await t.SendAsync(V16Calls.ClearCache, new ClearCacheRequest(), "5").ConfigureAwait(false);
            t.Check(clear.Status == ClearCacheStatus.Accepted, "6", "ClearCache.conf status is Accepted", $"status is {clear.Status}",
                "Empty the authorization cache and answer Accepted (OCPP 1.6 §5.4).", requirement: "OCPP 1.6 §5.4");

            await t.ManualAsync(ManualAction.PresentCard(c, t.Model.IdTag)).ConfigureAwait(false);
            var authorize = await t.ExpectAsync(V16Calls.Authorize, "7", requirement: "OCPP 1.6 §5.4: a cleared cache no longer authorizes the id tag locally").ConfigureAwait(false);
            t.Check(authorize.Request.IdTag == t.Model.IdTag, "7", $"Authorize.req idTag is '{t.Model.IdTag}', the card of step 1", $"idTag is '{authorize.Request.IdTag}'",
                "Send the presented identifier, unchanged, in Authorize.req idTag (OCPP 1.6 §4.1).", authorize.Call, "OCPP 1.6 §4.1");

            // Back to idle: the new authorization waits for a cable until ConnectionTimeOut.
            await t.MaybeAsync(V16Calls.StatusNotification, s => s.ConnectorId == c && s.Status == ChargePointStatus.Available, TimeSpan.FromSeconds(timeout) + t.Settings.StationTimeout).ConfigureAwait(false);
        }
        finally
        {
            await keys.RestoreAsync(t).ConfigureAwait(false);
        }
    }
}
