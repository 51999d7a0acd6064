using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Reservation;

/// <summary>OCTT 1.6 Table 70: after SetChargePointUnavailable, a reservation of the Charge Point (connectorId 0) is answered Unavailable.</summary>
public sealed class TC_050_3_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_050_3_CS", "Reservation of a Charge Point - Unavailable", "Reservation", "OCTT 1.6 §2.20.2")
    {
        Requirements = ["OCPP 1.6 §5.13 ReserveNow", "OCPP 1.6 §9.3.1 ReserveConnectorZeroSupported"],
    };

    public override string? NotApplicableTo(Declared model) =>
        base.NotApplicableTo(model) ?? (model.ReserveConnectorZero ? null : "the model does not support reservations of connectorId 0 (ReserveConnectorZeroSupported)");

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        await ConnectorStates.StationUnavailableAsync(t).ConfigureAwait(false);
        try
        {
            await Reservations.RefusedAsync(t, 0, ReservationStatus.Unavailable, "Answer Unavailable to ReserveNow.req for connectorId 0 when the Charge Point is Unavailable (OCPP 1.6 §5.13).").ConfigureAwait(false);
        }
        finally
        {
            await ConnectorStates.StationAvailableAsync(t).ConfigureAwait(false);
        }
    }
}
