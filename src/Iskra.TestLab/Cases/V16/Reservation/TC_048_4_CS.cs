using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Reservation;

/// <summary>OCTT 1.6 Table 66: a station without the Reservation profile answers a reservation of a connector Rejected.</summary>
public sealed class TC_048_4_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_048_4_CS", "Reservation of a Connector - Rejected", "Reservation", "OCTT 1.6 §2.20.1")
    {
        Requirements = ["OCPP 1.6 §5.13 ReserveNow"],
    };

    /// <summary>Only for a model without the profile (the document's prerequisite).</summary>
    public override string? NotApplicableTo(Declared model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Supports(Info.Profile) ? "the model declares the Reservation feature profile; this case is for stations without it" : null;
    }

    public override Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return Reservations.RefusedAsync(t, t.Connector, ReservationStatus.Rejected,
            "Answer Rejected to ReserveNow.req when the station does not take reservations (OCPP 1.6 §5.13: 'Rejected' if it is configured not to accept reservations), or declare the Reservation profile in the model.");
    }
}
