using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;

namespace Iskra.TestLab.States.V16;

/// <summary>The OCTT 1.6 reusable states (document §3 "Reusable states"): each brings the station into a state and checks it got there.</summary>
public static class Charging
{
    /// <summary>Reusable state <i>EV connected</i>: the cable is plugged in; the connector reports Preparing.</summary>
    public static async Task<Received<StatusNotificationRequest>> EvConnectedAsync(CaseContext t, int connector)
    {
        ArgumentNullException.ThrowIfNull(t);
        await t.ManualAsync(ManualAction.PlugIn(connector)).ConfigureAwait(false);
        var status = await t.ExpectAsync(V16Calls.StatusNotification, "plug", s => s.ConnectorId == connector, requirement: "OCPP 1.6 §4.9 StatusNotification").ConfigureAwait(false);
        t.Check(status.Request.Status == ChargePointStatus.Preparing, "plug", "StatusNotification.req status is Preparing after the cable is plugged in",
            $"status is {status.Request.Status}", "Report Preparing when a cable is plugged in and no transaction runs yet (OCPP 1.6 §4.9, ChargePointStatus).", status.Call, "OCPP 1.6 §4.9");
        return status;
    }

    /// <summary>Reusable state <i>Authorized</i>: the driver presents identification; the station sends Authorize.req and gets Accepted.</summary>
    public static async Task<Received<AuthorizeRequest>> AuthorizedAsync(CaseContext t, int connector, string idTag)
    {
        ArgumentNullException.ThrowIfNull(t);
        await t.ManualAsync(ManualAction.PresentCard(connector, idTag)).ConfigureAwait(false);
        var authorize = await t.ExpectAsync(V16Calls.Authorize, "authorize", requirement: "OCPP 1.6 §4.1 Authorize").ConfigureAwait(false);
        t.Check(authorize.Request.IdTag == idTag, "authorize", $"Authorize.req idTag is the presented '{idTag}'", $"idTag is '{authorize.Request.IdTag}'",
            "Send the identifier that was presented, unchanged, in Authorize.req idTag.", authorize.Call, "OCPP 1.6 §4.1");
        return authorize;
    }

    /// <summary>
    /// Reusable state <i>Charging</i> (plug-in first): EV connected, Authorized, then StartTransaction.req and
    /// StatusNotification Charging in either order (OCTT §1.2). Returns the transaction id the lab gave.
    /// </summary>
    public static async Task<int> StartAsync(CaseContext t, int connector, string idTag)
    {
        ArgumentNullException.ThrowIfNull(t);
        await EvConnectedAsync(t, connector).ConfigureAwait(false);
        await AuthorizedAsync(t, connector, idTag).ConfigureAwait(false);
        return await StartedAsync(t, connector, idTag).ConfigureAwait(false);
    }

    /// <summary>
    /// Reusable state <i>Charging</i> as OCTT 1.6 Table 105 defines it: the cable first, then a remote start (with
    /// <paramref name="profile"/> when given: "Charging with a ChargingProfile"), Authorize.req when the station's
    /// AuthorizeRemoteTxRequests is true, StartTransaction.req and StatusNotification Charging. Returns the transaction id.
    /// </summary>
    public static async Task<int> RemoteStartAsync(CaseContext t, int connector, string idTag, ChargingProfile? profile = null)
    {
        ArgumentNullException.ThrowIfNull(t);
        var configuration = await t.SendAsync(V16Calls.GetConfiguration, new GetConfigurationRequest { Key = ["AuthorizeRemoteTxRequests"] }, "charging-1", "OCPP 1.6 §5.8 GetConfiguration").ConfigureAwait(false);
        var authorizeRemote = bool.TryParse(configuration.ConfigurationKey?.FirstOrDefault(k => string.Equals(k.Key, "AuthorizeRemoteTxRequests", StringComparison.OrdinalIgnoreCase))?.Value, out var value) && value;
        await EvConnectedAsync(t, connector).ConfigureAwait(false);
        var answer = await t.SendAsync(V16Calls.RemoteStartTransaction, new RemoteStartTransactionRequest { ConnectorId = connector, IdTag = idTag, ChargingProfile = profile }, "charging-5", "OCPP 1.6 §5.11 RemoteStartTransaction").ConfigureAwait(false);
        t.Require(answer.Status == RemoteStartStopStatus.Accepted, "charging-6", "RemoteStartTransaction.conf status is Accepted" + (profile is null ? string.Empty : " (with a TxProfile)"), $"status is {answer.Status}",
            "Accept a RemoteStartTransaction.req for an available connector with a cable plugged in" + (profile is null ? string.Empty : " and a ChargingProfile of purpose TxProfile (OCPP 1.6 §5.11, §5.16.2)") + ".", requirement: "OCPP 1.6 §5.11");
        if (authorizeRemote)
        {
            var authorize = await t.ExpectAsync(V16Calls.Authorize, "charging-9", requirement: "OCPP 1.6 §5.11: AuthorizeRemoteTxRequests true").ConfigureAwait(false);
            t.Check(authorize.Request.IdTag == idTag, "charging-9", $"Authorize.req idTag is '{idTag}'", $"idTag is '{authorize.Request.IdTag}'",
                "Authorize the idTag of the RemoteStartTransaction.req, unchanged.", authorize.Call, "OCPP 1.6 §4.1");
        }

        return await StartedAsync(t, connector, idTag).ConfigureAwait(false);
    }

    /// <summary>After authorization with the cable in: StartTransaction.req for the id tag, and StatusNotification Charging.</summary>
    public static async Task<int> StartedAsync(CaseContext t, int connector, string idTag)
    {
        ArgumentNullException.ThrowIfNull(t);
        var start = await t.ExpectAsync(V16Calls.StartTransaction, "start", s => s.ConnectorId == connector, requirement: "OCPP 1.6 §4.8 StartTransaction").ConfigureAwait(false);
        t.Check(start.Request.IdTag == idTag, "start", $"StartTransaction.req idTag is '{idTag}'", $"idTag is '{start.Request.IdTag}'",
            "Start the transaction with the identifier that was authorized.", start.Call, "OCPP 1.6 §4.8");
        await ChargingStatusAsync(t, connector).ConfigureAwait(false);
        return t.State.LastTransaction.GetValueOrDefault(connector);
    }

    /// <summary>Expects StatusNotification Charging (or SuspendedEV/SuspendedEVSE, which a real EV may report first) for the connector.</summary>
    public static async Task ChargingStatusAsync(CaseContext t, int connector)
    {
        ArgumentNullException.ThrowIfNull(t);
        var charging = await t.ExpectAsync(V16Calls.StatusNotification, "charging", s => s.ConnectorId == connector && s.Status != ChargePointStatus.Preparing, requirement: "OCPP 1.6 §4.9").ConfigureAwait(false);
        t.Check(charging.Request.Status == ChargePointStatus.Charging, "charging", "StatusNotification.req status is Charging once the transaction has started",
            $"status is {charging.Request.Status}", "Report Charging when the transaction has started and energy flows (OCPP 1.6 §4.9).", charging.Call, "OCPP 1.6 §4.9");
    }

    /// <summary>Stops the running transaction by presenting the same card; expects StopTransaction.req with reason Local (or none) for it.</summary>
    public static async Task<Received<StopTransactionRequest>> StopByCardAsync(CaseContext t, int connector, string idTag, int transactionId)
    {
        ArgumentNullException.ThrowIfNull(t);
        await t.ManualAsync(ManualAction.PresentCard(connector, idTag)).ConfigureAwait(false);
        var stop = await t.ExpectAsync(V16Calls.StopTransaction, "stop", s => s.TransactionId == transactionId, requirement: "OCPP 1.6 §4.10 StopTransaction").ConfigureAwait(false);
        t.Check(stop.Request.Reason is null or Reason.Local, "stop", "StopTransaction.req reason is Local (or absent, which means Local)",
            $"reason is {stop.Request.Reason}", "Use reason Local when the driver stops the transaction at the station (OCPP 1.6 §7.42).", stop.Call, "OCPP 1.6 §7.42 Reason");
        return stop;
    }
}
