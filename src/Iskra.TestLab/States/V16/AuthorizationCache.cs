using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;

namespace Iskra.TestLab.States.V16;

/// <summary>The authorization cache cases' prerequisite (a cache) and memory state <i>IdTagCached</i> (OCTT 1.6 Table 112).</summary>
public static class AuthorizationCache
{
    /// <summary>Prerequisite "the Charge Point has a cache": a station without the AuthorizationCacheEnabled key has none, and the case is skipped.</summary>
    public static async Task RequireAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        if (await KeySettings.GetAsync(t, "AuthorizationCacheEnabled", "before").ConfigureAwait(false) is null)
        {
            throw new CaseStoppedException("the station has no authorization cache (it does not report AuthorizationCacheEnabled, OCPP 1.6 §9.1.2)", skipped: true);
        }
    }

    /// <summary>Memory state <i>IdTagCached</i>: a charging session of the id tag, stopped with the same card, and the cable unplugged.</summary>
    public static async Task IdTagCachedAsync(CaseContext t, int connector, string idTag)
    {
        ArgumentNullException.ThrowIfNull(t);
        var transactionId = await Charging.StartAsync(t, connector, idTag).ConfigureAwait(false);
        await Charging.StopByCardAsync(t, connector, idTag, transactionId).ConfigureAwait(false);
        await t.ExpectAsync(V16Calls.StatusNotification, "cached", s => s.ConnectorId == connector && s.Status == ChargePointStatus.Finishing, requirement: "OCPP 1.6 §4.9").ConfigureAwait(false);
        await t.ManualAsync(ManualAction.Unplug(connector)).ConfigureAwait(false);
        await t.ExpectAsync(V16Calls.StatusNotification, "cached", s => s.ConnectorId == connector && s.Status == ChargePointStatus.Available, requirement: "OCPP 1.6 §4.9").ConfigureAwait(false);
    }
}
