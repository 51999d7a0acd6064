using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;

namespace Iskra.TestLab.States.V16;

/// <summary>
/// The OCTT 1.6 reusable states that take connectors out of use (document Tables 106–110). The return to
/// idle after the case (<see cref="Idle"/>) clears faults, unplugs and makes connectors Operative again.
/// </summary>
public static class ConnectorStates
{
    /// <summary>SetConnectorUnavailable: ChangeAvailability Inoperative for the connector, Accepted, and StatusNotification Unavailable.</summary>
    public static async Task UnavailableAsync(CaseContext t, int connector)
    {
        ArgumentNullException.ThrowIfNull(t);
        var answer = await t.SendAsync(V16Calls.ChangeAvailability, new ChangeAvailabilityRequest { ConnectorId = connector, Type = AvailabilityType.Inoperative }, "unavailable", "OCPP 1.6 §5.2 ChangeAvailability").ConfigureAwait(false);
        t.Require(answer.Status == AvailabilityStatus.Accepted, "unavailable", $"ChangeAvailability.conf status is Accepted for connector {connector} (idle)", $"status is {answer.Status}",
            "Accept ChangeAvailability Inoperative for an idle connector and make it Unavailable at once (OCPP 1.6 §5.2).", requirement: "OCPP 1.6 §5.2");
        await StatusAsync(t, connector, ChargePointStatus.Unavailable, "unavailable", "Report Unavailable for a connector set Inoperative by ChangeAvailability (OCPP 1.6 §5.2, §4.9).").ConfigureAwait(false);
    }

    /// <summary>"SetConnectorUnavailable for all unused connectors": every connector but <paramref name="used"/>.</summary>
    public static async Task OthersUnavailableAsync(CaseContext t, int used)
    {
        ArgumentNullException.ThrowIfNull(t);
        for (var connector = 1; connector <= t.Model.Connectors; connector++)
        {
            if (connector != used)
            {
                await UnavailableAsync(t, connector).ConfigureAwait(false);
            }
        }
    }

    /// <summary>SetChargePointUnavailable: ChangeAvailability Inoperative for connector 0, Accepted, and every connector Unavailable.</summary>
    public static async Task StationUnavailableAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var answer = await t.SendAsync(V16Calls.ChangeAvailability, new ChangeAvailabilityRequest { ConnectorId = 0, Type = AvailabilityType.Inoperative }, "unavailable", "OCPP 1.6 §5.2 ChangeAvailability").ConfigureAwait(false);
        t.Require(answer.Status == AvailabilityStatus.Accepted, "unavailable", "ChangeAvailability.conf status is Accepted for connector 0 (the idle station)", $"status is {answer.Status}",
            "Accept ChangeAvailability Inoperative for connectorId 0 while no transaction runs and make every connector Unavailable (OCPP 1.6 §5.2).", requirement: "OCPP 1.6 §5.2");
        for (var connector = 1; connector <= t.Model.Connectors; connector++)
        {
            await StatusAsync(t, connector, ChargePointStatus.Unavailable, "unavailable", "Report every connector Unavailable after ChangeAvailability Inoperative for connectorId 0 (OCPP 1.6 §5.2, §4.9).").ConfigureAwait(false);
        }
    }

    /// <summary>Puts the station back into operation after <see cref="StationUnavailableAsync"/>: connector 0 Operative, every connector Available.</summary>
    public static async Task StationAvailableAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        await t.SendAsync(V16Calls.ChangeAvailability, new ChangeAvailabilityRequest { ConnectorId = 0, Type = AvailabilityType.Operative }, "restore", "OCPP 1.6 §5.2 ChangeAvailability").ConfigureAwait(false);
        for (var connector = 1; connector <= t.Model.Connectors; connector++)
        {
            var c = connector;
            await t.ExpectAsync(V16Calls.StatusNotification, "restore", s => s.ConnectorId == c && s.Status == ChargePointStatus.Available, requirement: "OCPP 1.6 §5.2").ConfigureAwait(false);
        }
    }

    /// <summary>SetConnectorFaulted: the connector is put into a fault (manual action) and reports Faulted.</summary>
    public static async Task FaultedAsync(CaseContext t, int connector)
    {
        ArgumentNullException.ThrowIfNull(t);
        await t.ManualAsync(ManualAction.Fault(connector)).ConfigureAwait(false);
        await StatusAsync(t, connector, ChargePointStatus.Faulted, "faulted", "Report Faulted, with the error code, when a connector has a fault (OCPP 1.6 §4.9).").ConfigureAwait(false);
    }

    /// <summary>SetChargePointFaulted: every connector is put into a fault and reports Faulted.</summary>
    public static async Task StationFaultedAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        for (var connector = 1; connector <= t.Model.Connectors; connector++)
        {
            await FaultedAsync(t, connector).ConfigureAwait(false);
        }
    }

    /// <summary>SetConnectorOccupied: an EV is plugged in; the connector reports Preparing.</summary>
    public static Task OccupiedAsync(CaseContext t, int connector) => Charging.EvConnectedAsync(t, connector);

    private static async Task StatusAsync(CaseContext t, int connector, ChargePointStatus expected, string step, string fix)
    {
        var status = await t.ExpectAsync(V16Calls.StatusNotification, step, s => s.ConnectorId == connector, requirement: "OCPP 1.6 §4.9 StatusNotification").ConfigureAwait(false);
        t.Require(status.Request.Status == expected, step, $"StatusNotification.req of connector {connector} has status {expected}", $"status is {status.Request.Status}", fix, status.Call, "OCPP 1.6 §4.9");
    }
}
