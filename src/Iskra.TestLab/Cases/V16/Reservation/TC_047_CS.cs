using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Reservation;

/// <summary>OCTT 1.6 Table 62: a reservation that nobody uses expires; the connector is Available again and another idTag can charge.</summary>
public sealed class TC_047_CS : LabCase
{
    /// <summary>The document's &lt;Configured Reservation Expiry Date Offset&gt;: short, so the case waits seconds.</summary>
    public static readonly TimeSpan ExpiryOffset = TimeSpan.FromSeconds(10);

    public override CaseInfo Info { get; } = new("TC_047_CS", "Reservation of a Connector - Expire", "Reservation", "OCTT 1.6 §2.20.1")
    {
        Requirements = ["OCPP 1.6 §5.13 ReserveNow", "OCPP 1.6 §4.9 StatusNotification"],
    };

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var connector = t.Connector;
        await ConnectorStates.OthersUnavailableAsync(t, connector).ConfigureAwait(false);
        var reservationId = await Reservations.ReservedAsync(t, connector, t.Model.IdTag, ExpiryOffset).ConfigureAwait(false);
        var available = await t.MaybeAsync(V16Calls.StatusNotification, s => s.ConnectorId == connector, ExpiryOffset + t.Settings.StationTimeout).ConfigureAwait(false);
        if (available is null)
        {
            t.Fail("5", "StatusNotification.req status Available for the connector once the reservation's expiryDate has passed",
                $"no StatusNotification.req within {(ExpiryOffset + t.Settings.StationTimeout).TotalSeconds:0} s of the reservation",
                "End a reservation at its expiryDate and report the connector Available again (OCPP 1.6 §5.13, §4.9 state table G1).", "OCPP 1.6 §5.13", []);
            await Reservations.ReleaseAsync(t, reservationId, connector).ConfigureAwait(false);
            throw new CaseStoppedException("step 5: the reservation did not expire", skipped: false);
        }

        t.Require(available.Request.Status == ChargePointStatus.Available, "5", "StatusNotification.req status is Available after the reservation expired",
            $"status is {available.Request.Status}", "Report Available when a reservation expires (OCPP 1.6 §4.9 state table G1).", available.Call, "OCPP 1.6 §4.9");
        await Charging.StartAsync(t, connector, t.Model.OtherIdTag).ConfigureAwait(false);
    }
}
