using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Reservation;

/// <summary>OCTT 1.6 Table 72: a reservation is cancelled; the connector is Available and another idTag charges without a reservationId.</summary>
public sealed class TC_051_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_051_CS", "Cancel Reservation", "Reservation", "OCTT 1.6 §2.20.3")
    {
        Requirements = ["OCPP 1.6 §5.3 CancelReservation", "OCPP 1.6 §4.8 StartTransaction"],
    };

    public override string? NotApplicableTo(Declared model) =>
        base.NotApplicableTo(model) ?? (model.CardReader ? null : "the model has no card reader");

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var connector = t.Connector;
        var reservationId = await Reservations.ReservedAsync(t, connector, t.Model.IdTag, Reservations.Lasting).ConfigureAwait(false);
        var answer = await t.SendAsync(V16Calls.CancelReservation, new CancelReservationRequest { ReservationId = reservationId }, "1", "OCPP 1.6 §5.3").ConfigureAwait(false);
        t.Require(answer.Status == CancelReservationStatus.Accepted, "2", $"CancelReservation.conf status is Accepted for reservation {reservationId}", $"status is {answer.Status}",
            "Cancel the reservation whose reservationId is given and answer Accepted (OCPP 1.6 §5.3).", requirement: "OCPP 1.6 §5.3");
        var status = await t.ExpectAsync(V16Calls.StatusNotification, "3", s => s.ConnectorId == connector, requirement: "OCPP 1.6 §5.3, §4.9").ConfigureAwait(false);
        t.Require(status.Request.Status == ChargePointStatus.Available, "3", $"StatusNotification.req status is Available for connector {connector} after the cancellation",
            $"status is {status.Request.Status}", "Make the connector Available again when its reservation is cancelled (OCPP 1.6 §4.9 state table G1).", status.Call, "OCPP 1.6 §4.9");

        // Step 5: reusable state Charging with <Configured Valid IdTag 2>; the transaction carries no reservationId.
        await Charging.EvConnectedAsync(t, connector).ConfigureAwait(false);
        await Charging.AuthorizedAsync(t, connector, t.Model.OtherIdTag).ConfigureAwait(false);
        await Reservations.StartedAsync(t, connector, t.Model.OtherIdTag, null, "5").ConfigureAwait(false);
        await Charging.ChargingStatusAsync(t, connector).ConfigureAwait(false);
    }
}
