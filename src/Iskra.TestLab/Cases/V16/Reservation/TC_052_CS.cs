using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Reservation;

/// <summary>OCTT 1.6 Table 73: cancelling a reservationId the station does not have is Rejected, and the reservation it has stays.</summary>
public sealed class TC_052_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_052_CS", "Cancel Reservation - Rejected", "Reservation", "OCTT 1.6 §2.20.3")
    {
        Requirements = ["OCPP 1.6 §5.3 CancelReservation"],
    };

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var connector = t.Connector;
        var reservationId = await Reservations.ReservedAsync(t, connector, t.Model.IdTag, Reservations.Lasting).ConfigureAwait(false);
        try
        {
            var unknown = Reservations.NewId();
            var answer = await t.SendAsync(V16Calls.CancelReservation, new CancelReservationRequest { ReservationId = unknown }, "1", "OCPP 1.6 §5.3").ConfigureAwait(false);
            t.Check(answer.Status == CancelReservationStatus.Rejected, "2", $"CancelReservation.conf status is Rejected for reservation {unknown}, which the station does not have", $"status is {answer.Status}",
                "Answer Rejected to CancelReservation.req when no reservation has that reservationId, and cancel nothing (OCPP 1.6 §5.3).", requirement: "OCPP 1.6 §5.3");
            await t.ExpectNoneAsync(V16Calls.StatusNotification, "2", t.Settings.QuietPeriod, s => s.ConnectorId == connector,
                $"Connector {connector} stays Reserved: the reservation {reservationId} is not cancelled", "Cancel only the reservation with the given reservationId (OCPP 1.6 §5.3).", "OCPP 1.6 §5.3").ConfigureAwait(false);
        }
        finally
        {
            await Reservations.ReleaseAsync(t, reservationId, connector).ConfigureAwait(false);
        }
    }
}
