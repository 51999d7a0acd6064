using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;

namespace Iskra.TestLab.States.V16;

/// <summary>
/// A connector that waits for the cable after an authorization: by card (reusable state <i>Authorized</i>,
/// OCTT 1.6 Table 104) or by remote start (Tables 14, 15), and its return to Available when ConnectionTimeOut expires.
/// </summary>
public static class Preparing
{
    /// <summary>Reusable state <i>Authorized</i> with no cable: Authorize.req for the card, then StatusNotification Preparing.</summary>
    public static async Task ByCardAsync(CaseContext t, int connector, string idTag)
    {
        ArgumentNullException.ThrowIfNull(t);
        await Charging.AuthorizedAsync(t, connector, idTag).ConfigureAwait(false);
        await StatusAsync(t, connector, "authorize").ConfigureAwait(false);
    }

    /// <summary>
    /// OCTT 1.6 Tables 14 and 15, steps 1–8: GetConfiguration AuthorizeRemoteTxRequests, RemoteStartTransaction
    /// Accepted, Authorize.req when that key is true, then StatusNotification Preparing.
    /// </summary>
    public static async Task ByRemoteStartAsync(CaseContext t, int connector, string idTag)
    {
        ArgumentNullException.ThrowIfNull(t);
        var key = await KeySettings.GetAsync(t, "AuthorizeRemoteTxRequests", "1").ConfigureAwait(false);
        t.Check(key is not null, "2", "GetConfiguration.conf configurationKey.key is AuthorizeRemoteTxRequests", "the key is not reported (or listed as unknown)",
            "Implement the required Core key AuthorizeRemoteTxRequests (OCPP 1.6 §9.1.1) and report it in GetConfiguration.conf.", requirement: "OCPP 1.6 §9.1.3 AuthorizeRemoteTxRequests");
        var answer = await t.SendAsync(V16Calls.RemoteStartTransaction, new RemoteStartTransactionRequest { ConnectorId = connector, IdTag = idTag }, "3", "OCPP 1.6 §5.11 RemoteStartTransaction").ConfigureAwait(false);
        t.Require(answer.Status == RemoteStartStopStatus.Accepted, "4", "RemoteStartTransaction.conf status is Accepted", $"status is {answer.Status}",
            "Accept a RemoteStartTransaction.req for an available connector and wait for the cable (OCPP 1.6 §5.11).", requirement: "OCPP 1.6 §5.11");
        if (string.Equals(key?.Value, "true", StringComparison.OrdinalIgnoreCase))
        {
            var authorize = await t.ExpectAsync(V16Calls.Authorize, "5", requirement: "OCPP 1.6 §5.11: with AuthorizeRemoteTxRequests true the id tag is authorized first").ConfigureAwait(false);
            t.Check(authorize.Request.IdTag == idTag, "5", $"Authorize.req idTag is '{idTag}', the one of the remote start", $"idTag is '{authorize.Request.IdTag}'",
                "Authorize the id tag of the RemoteStartTransaction.req, unchanged (OCPP 1.6 §5.11).", authorize.Call, "OCPP 1.6 §5.11");
        }

        await StatusAsync(t, connector, "7").ConfigureAwait(false);
    }

    /// <summary>After ConnectionTimeOut without a cable, the connector is Available again (OCPP 1.6 §9.1.6).</summary>
    public static async Task TimesOutAsync(CaseContext t, int connector, string step, int connectionTimeOut)
    {
        ArgumentNullException.ThrowIfNull(t);
        var available = await t.ExpectAsync(V16Calls.StatusNotification, step, s => s.ConnectorId == connector, TimeSpan.FromSeconds(connectionTimeOut) + t.Settings.StationTimeout,
            "OCPP 1.6 §9.1.6 ConnectionTimeOut").ConfigureAwait(false);
        t.Check(available.Request.Status == ChargePointStatus.Available, step, "StatusNotification.req status is Available once ConnectionTimeOut has expired", $"status is {available.Request.Status}",
            $"When no cable is plugged in within ConnectionTimeOut ({connectionTimeOut} s here) after the authorization, drop it and report the connector Available (OCPP 1.6 §9.1.6).", available.Call, "OCPP 1.6 §9.1.6");
    }

    private static async Task StatusAsync(CaseContext t, int connector, string step)
    {
        var preparing = await t.ExpectAsync(V16Calls.StatusNotification, step, s => s.ConnectorId == connector, requirement: "OCPP 1.6 §4.9").ConfigureAwait(false);
        t.Check(preparing.Request.Status == ChargePointStatus.Preparing, step, "StatusNotification.req status is Preparing while the connector waits for the cable", $"status is {preparing.Request.Status}",
            "Report Preparing once a driver is authorized for the connector and it waits for the cable (OCPP 1.6 §4.9, ChargePointStatus).", preparing.Call, "OCPP 1.6 §4.9");
    }
}
