using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Reservation;

/// <summary>OCTT 1.6 Table 64: after SetConnectorOccupied, a reservation of the connector is answered Occupied.</summary>
public sealed class TC_048_2_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_048_2_CS", "Reservation of a Connector - Occupied", "Reservation", "OCTT 1.6 §2.20.1")
    {
        Requirements = ["OCPP 1.6 §5.13 ReserveNow"],
    };

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        await ConnectorStates.OccupiedAsync(t, t.Connector).ConfigureAwait(false);
        await Reservations.RefusedAsync(t, t.Connector, ReservationStatus.Occupied, "Answer Occupied to ReserveNow.req for a connector that is in use, here with an EV plugged in (OCPP 1.6 §5.13).").ConfigureAwait(false);
    }
}
