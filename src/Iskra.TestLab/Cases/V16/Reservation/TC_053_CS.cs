using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Reservation;

/// <summary>OCTT 1.6 Table 74: a reservation with a parentIdTag is used by another idTag of the same group.</summary>
public sealed class TC_053_CS : LabCase
{
    /// <summary>The document's &lt;Configured ParentId&gt;: the group both lab id tags belong to.</summary>
    public const string ParentIdTag = "LAB-PARENT";

    public override CaseInfo Info { get; } = new("TC_053_CS", "Use a reserved Connector with parentIdTag", "Reservation", "OCTT 1.6 §2.20.4")
    {
        Requirements = ["OCPP 1.6 §5.13 ReserveNow", "OCPP 1.6 §4.1 Authorize", "OCPP 1.6 §4.8 StartTransaction"],
    };

    public override string? NotApplicableTo(Declared model) =>
        base.NotApplicableTo(model) ?? (model.CardReader ? null : "the model has no card reader");

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var connector = t.Connector;
        t.Answers.Script(V16Calls.Authorize, _ => new AuthorizeResponse { IdTagInfo = new IdTagInfo { Status = AuthorizationStatus.Accepted, ParentIdTag = ParentIdTag } });
        await ConnectorStates.OthersUnavailableAsync(t, connector).ConfigureAwait(false);
        var reservationId = await Reservations.ReservedAsync(t, connector, t.Model.IdTag, Reservations.Lasting, ParentIdTag).ConfigureAwait(false);
        try
        {
            await Charging.AuthorizedAsync(t, connector, t.Model.OtherIdTag).ConfigureAwait(false);
            await t.ManualAsync(ManualAction.PlugIn(connector)).ConfigureAwait(false);
            await Reservations.StartedAsync(t, connector, t.Model.OtherIdTag, reservationId, "7").ConfigureAwait(false);
            await Charging.ChargingStatusAsync(t, connector).ConfigureAwait(false);
        }
        finally
        {
            await Reservations.ReleaseAsync(t, reservationId, connector).ConfigureAwait(false);
        }
    }
}
