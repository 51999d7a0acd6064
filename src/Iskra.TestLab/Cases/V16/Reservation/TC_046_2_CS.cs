using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Reservation;

/// <summary>OCTT 1.6 Table 61: a connector is reserved and a remote start for the reserved idTag charges on it with the reservationId.</summary>
public sealed class TC_046_2_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_046_2_CS", "Reservation of a Connector - Remote start transaction", "Reservation", "OCTT 1.6 §2.20.1")
    {
        Requirements = ["OCPP 1.6 §5.13 ReserveNow", "OCPP 1.6 §5.11 RemoteStartTransaction", "OCPP 1.6 §4.8 StartTransaction"],
    };

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var connector = t.Connector;
        var reservationId = await Reservations.ReservedAsync(t, connector, t.Model.IdTag, Reservations.Lasting).ConfigureAwait(false);
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
