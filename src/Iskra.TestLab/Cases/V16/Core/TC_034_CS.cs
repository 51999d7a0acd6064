using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;

namespace Iskra.TestLab.Cases.V16.Core;

/// <summary>OCTT 1.6 Table 38: the whole Charge Point is made Inoperative; after a power failure it still reports Unavailable.</summary>
public sealed class TC_034_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_034_CS", "Power Failure with Unavailable Status", "Core", "OCTT 1.6 §2.13.3")
    {
        Requirements = ["OCPP 1.6 §5.2 ChangeAvailability", "OCPP 1.6 §4.2 BootNotification", "OCPP 1.6 §4.9 StatusNotification"],
    };

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var answer = await t.SendAsync(V16Calls.ChangeAvailability, new ChangeAvailabilityRequest { ConnectorId = 0, Type = AvailabilityType.Inoperative }, "1").ConfigureAwait(false);
        try
        {
            t.Require(answer.Status == AvailabilityStatus.Accepted, "2", "ChangeAvailability.conf status is Accepted", $"status is {answer.Status}",
                "Accept a ChangeAvailability.req Inoperative for connectorId 0 when no transaction runs, and make every connector Unavailable (OCPP 1.6 §5.2).", requirement: "OCPP 1.6 §5.2");
            await UnavailableAsync(t, "3", "after ChangeAvailability Inoperative", "Report every connector and connectorId 0 as Unavailable once the Charge Point is Inoperative (OCPP 1.6 §5.2, §4.9).").ConfigureAwait(false);

            await t.ManualAsync(ManualAction.PowerCycle()).ConfigureAwait(false);
            await t.ExpectAsync(V16Calls.BootNotification, "5", within: t.Settings.StationTimeout * 2, requirement: "OCPP 1.6 §4.2").ConfigureAwait(false);
            await UnavailableAsync(t, "7", "after the power failure",
                "Persist the availability set by ChangeAvailability across a power failure and report Unavailable again after the boot (OCPP 1.6 §4.9: an Unavailable status set by ChangeAvailability MUST be persistent across reboots).").ConfigureAwait(false);
        }
        finally
        {
            if (answer.Status != AvailabilityStatus.Rejected)
            {
                await t.SendAsync(V16Calls.ChangeAvailability, new ChangeAvailabilityRequest { ConnectorId = 0, Type = AvailabilityType.Operative }, "after").ConfigureAwait(false);
            }
        }
    }

    /// <summary>A StatusNotification Unavailable for each connector and for connectorId 0, in any order.</summary>
    private static async Task UnavailableAsync(CaseContext t, string step, string when, string fix)
    {
        for (var connector = 0; connector <= t.Model.Connectors; connector++)
        {
            var c = connector;
            var status = await t.ExpectAsync(V16Calls.StatusNotification, step, s => s.ConnectorId == c, requirement: "OCPP 1.6 §4.9: a StatusNotification per connector and connectorId 0").ConfigureAwait(false);
            t.Check(status.Request.Status == ChargePointStatus.Unavailable, step, $"StatusNotification.req of connector {c} has status Unavailable {when}",
                $"status is {status.Request.Status}", fix, status.Call, "OCPP 1.6 §5.2");
        }
    }
}
