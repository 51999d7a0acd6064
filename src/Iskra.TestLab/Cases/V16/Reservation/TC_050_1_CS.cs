using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Reservation;

/// <summary>OCTT 1.6 Table 68: after SetChargePointFaulted, a reservation of the Charge Point (connectorId 0) is answered Faulted.</summary>
public sealed class TC_050_1_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_050_1_CS", "Reservation of a Charge Point - Faulted", "Reservation", "OCTT 1.6 §2.20.2")
    {
        Requirements = ["OCPP 1.6 §5.13 ReserveNow", "OCPP 1.6 §9.3.1 ReserveConnectorZeroSupported"],
    };

    public override string? NotApplicableTo(Declared model) =>
        base.NotApplicableTo(model) ?? (model.ReserveConnectorZero ? null : "the model does not support reservations of connectorId 0 (ReserveConnectorZeroSupported)");

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        await ConnectorStates.StationFaultedAsync(t).ConfigureAwait(false);
        await Reservations.RefusedAsync(t, 0, ReservationStatus.Faulted, "Answer Faulted to ReserveNow.req for connectorId 0 when the Charge Point is Faulted (OCPP 1.6 §5.13).").ConfigureAwait(false);
    }
}
