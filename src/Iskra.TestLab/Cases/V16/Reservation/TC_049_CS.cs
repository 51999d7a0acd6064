using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Reservation;

/// <summary>OCTT 1.6 Table 67: the Charge Point (connectorId 0) is reserved; the reserved idTag charges with the reservationId.</summary>
public sealed class TC_049_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_049_CS", "Reservation of a Charge Point - Transaction", "Reservation", "OCTT 1.6 §2.20.2")
    {
        Requirements = ["OCPP 1.6 §5.13 ReserveNow", "OCPP 1.6 §9.3.1 ReserveConnectorZeroSupported", "OCPP 1.6 §4.8 StartTransaction"],
    };

    public override string? NotApplicableTo(Declared model) =>
        base.NotApplicableTo(model) ?? (model.ReserveConnectorZero ? null : "the model does not support reservations of connectorId 0 (ReserveConnectorZeroSupported)");

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var connector = t.Connector;
        await ConnectorStates.OthersUnavailableAsync(t, connector).ConfigureAwait(false);
        var reservationId = await Reservations.ReservedAsync(t, 0, t.Model.IdTag, Reservations.Lasting).ConfigureAwait(false);
        try
        {
            await Reservations.ChargeRemotelyAsync(t, connector, t.Model.IdTag, reservationId, "5").ConfigureAwait(false);
        }
        finally
        {
            await Reservations.ReleaseAsync(t, reservationId, connector).ConfigureAwait(false);
        }
    }
}
