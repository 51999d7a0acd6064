using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;

namespace Iskra.TestLab.States.V16;

/// <summary>The reset flows of OCTT 1.6 §2.6: without a transaction (Tables 17, 18) and with one (Tables 19, 20).</summary>
public static class Resetting
{
    /// <summary>
    /// Connector Inoperative, Reset, the reboot (a BootNotification is optional for a soft reset), the
    /// connector still Unavailable after it, then Operative again (Tables 17 and 18).
    /// </summary>
    public static async Task WithoutTransactionAsync(CaseContext t, ResetType type)
    {
        ArgumentNullException.ThrowIfNull(t);
        var c = t.Connector;
        var inoperative = await t.SendAsync(V16Calls.ChangeAvailability, new ChangeAvailabilityRequest { ConnectorId = c, Type = AvailabilityType.Inoperative }, "1", "OCPP 1.6 §5.2 ChangeAvailability").ConfigureAwait(false);
        t.Require(inoperative.Status == AvailabilityStatus.Accepted, "2", "ChangeAvailability.conf status is Accepted", $"status is {inoperative.Status}",
            "Accept ChangeAvailability Inoperative for an idle connector and make it Unavailable at once (OCPP 1.6 §5.2).", requirement: "OCPP 1.6 §5.2");
        var unavailable = await t.ExpectAsync(V16Calls.StatusNotification, "3", s => s.ConnectorId == c, requirement: "OCPP 1.6 §4.9").ConfigureAwait(false);
        t.Check(unavailable.Request.Status == ChargePointStatus.Unavailable, "3", $"StatusNotification.req of connector {c} has status Unavailable", $"status is {unavailable.Request.Status}",
            "Report Unavailable when a connector is made Inoperative (OCPP 1.6 §5.2, §4.9).", unavailable.Call, "OCPP 1.6 §5.2");

        await ResetAsync(t, type, "5").ConfigureAwait(false);
        var boot = type == ResetType.Hard
            ? await t.ExpectAsync(V16Calls.BootNotification, "7", within: t.Settings.StationTimeout * 2, requirement: "OCPP 1.6 §5.14 Reset").ConfigureAwait(false)
            : await t.MaybeAsync(V16Calls.BootNotification, within: t.Settings.StationTimeout * 2).ConfigureAwait(false);
        if (boot is not null)
        {
            await Boot.StatusesAsync(t, "9", n => n == c ? [ChargePointStatus.Unavailable] : [ChargePointStatus.Available]).ConfigureAwait(false);
        }

        var operative = await t.SendAsync(V16Calls.ChangeAvailability, new ChangeAvailabilityRequest { ConnectorId = c, Type = AvailabilityType.Operative }, "11", "OCPP 1.6 §5.2 ChangeAvailability").ConfigureAwait(false);
        t.Check(operative.Status == AvailabilityStatus.Accepted, "12", "ChangeAvailability.conf status is Accepted", $"status is {operative.Status}",
            "Accept ChangeAvailability Operative for an Unavailable connector (OCPP 1.6 §5.2).", requirement: "OCPP 1.6 §5.2");
        var available = await t.ExpectAsync(V16Calls.StatusNotification, "13", s => s.ConnectorId == c, requirement: "OCPP 1.6 §4.9").ConfigureAwait(false);
        t.Check(available.Request.Status == ChargePointStatus.Available, "13", $"StatusNotification.req of connector {c} has status Available", $"status is {available.Request.Status}",
            "Report Available when an idle connector is made Operative again (OCPP 1.6 §5.2, §4.9).", available.Call, "OCPP 1.6 §5.2");
    }

    /// <summary>
    /// Charging, then Reset: StopTransaction with reason HardReset/SoftReset, Finishing, and after the reboot
    /// (optional for a soft reset) the connector Finishing or Preparing, the others Available (Tables 19 and 20).
    /// </summary>
    public static async Task WithTransactionAsync(CaseContext t, ResetType type)
    {
        ArgumentNullException.ThrowIfNull(t);
        var c = t.Connector;
        var transactionId = await Charging.StartAsync(t, c, t.Model.IdTag).ConfigureAwait(false);
        await ResetAsync(t, type, "1").ConfigureAwait(false);

        var reason = type == ResetType.Hard ? Reason.HardReset : Reason.SoftReset;
        var stop = await t.ExpectAsync(V16Calls.StopTransaction, "3", s => s.TransactionId == transactionId, within: t.Settings.StationTimeout * 2, requirement: "OCPP 1.6 §5.14 Reset").ConfigureAwait(false);
        t.Check(stop.Request.Reason == reason, "3", $"StopTransaction.req reason is {reason}", $"reason is {stop.Request.Reason?.ToString() ?? "absent (meaning Local)"}",
            $"Stop the running transactions with reason {reason} when a {type} Reset.req is accepted (OCPP 1.6 §5.14, §7.42).", stop.Call, "OCPP 1.6 §5.14");

        var boot = type == ResetType.Hard
            ? await t.ExpectAsync(V16Calls.BootNotification, "7", within: t.Settings.StationTimeout * 2, requirement: "OCPP 1.6 §5.14 Reset").ConfigureAwait(false)
            : await t.MaybeAsync(V16Calls.BootNotification, within: t.Settings.StationTimeout * 2).ConfigureAwait(false);

        var first = await t.ExpectAsync(V16Calls.StatusNotification, "5", s => s.ConnectorId == c, requirement: "OCPP 1.6 §4.9").ConfigureAwait(false);
        Received<StatusNotificationRequest>? afterBoot = first;
        if (boot is null || first.Call.Index < boot.Call.Index)
        {
            t.Check(first.Request.Status == ChargePointStatus.Finishing, "5", "StatusNotification.req status is Finishing after the transaction stopped (the cable is still in)", $"status is {first.Request.Status}",
                "Report Finishing when the transaction stops and the cable is still plugged in (OCPP 1.6 §4.9).", first.Call, "OCPP 1.6 §4.9");
            afterBoot = boot is null ? null : await t.ExpectAsync(V16Calls.StatusNotification, "9", s => s.ConnectorId == c, requirement: "OCPP 1.6 §4.9: a StatusNotification per connector and connectorId 0 after boot").ConfigureAwait(false);
        }

        if (afterBoot is not null)
        {
            // A status reported only after the reboot (the one before was lost with the connection) answers steps 5 and 9 at once.
            t.Check(afterBoot.Request.Status is ChargePointStatus.Finishing or ChargePointStatus.Preparing, "9", $"StatusNotification.req of connector {c} after the reboot has status Finishing or Preparing",
                $"status is {afterBoot.Request.Status}", "After the reboot, report the connector whose transaction was stopped as Finishing (or Preparing) while the cable is still plugged in (OCPP 1.6 §4.9).", afterBoot.Call, "OCPP 1.6 §4.9");
            await Boot.StatusesAsync(t, "9", n => n == c ? null : [ChargePointStatus.Available]).ConfigureAwait(false);
        }
    }

    private static async Task ResetAsync(CaseContext t, ResetType type, string step)
    {
        var answer = await t.SendAsync(V16Calls.Reset, new ResetRequest { Type = type }, step, "OCPP 1.6 §5.14 Reset").ConfigureAwait(false);
        t.Require(answer.Status == ResetStatus.Accepted, Next(step), "Reset.conf status is Accepted", $"status is {answer.Status}",
            $"Accept a {type} Reset.req and reboot (OCPP 1.6 §5.14).", requirement: "OCPP 1.6 §5.14");
    }

    private static string Next(string step) => (int.Parse(step, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
