using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Reservation;

/// <summary>OCTT 1.6 Table 65: after SetConnectorUnavailable, a reservation of the connector is answered Unavailable.</summary>
public sealed class TC_048_3_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_048_3_CS", "Reservation of a Connector - Unavailable", "Reservation", "OCTT 1.6 §2.20.1")
    {
        Requirements = ["OCPP 1.6 §5.13 ReserveNow"],
    };

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        await ConnectorStates.UnavailableAsync(t, t.Connector).ConfigureAwait(false);
        await Reservations.RefusedAsync(t, t.Connector, ReservationStatus.Unavailable, "Answer Unavailable to ReserveNow.req for a connector in the Unavailable state (OCPP 1.6 §5.13).").ConfigureAwait(false);
    }
}
