using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Reservation;

/// <summary>OCTT 1.6 Table 60: a connector is reserved; another card cannot use it, the reserved one starts a transaction that carries the reservationId.</summary>
public sealed class TC_046_1_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_046_1_CS", "Reservation of a Connector - Local start transaction", "Reservation", "OCTT 1.6 §2.20.1")
    {
        Requirements = ["OCPP 1.6 §5.13 ReserveNow", "OCPP 1.6 §4.8 StartTransaction", "OCPP 1.6 §4.9 StatusNotification"],
    };

    public override string? NotApplicableTo(Declared model) =>
        base.NotApplicableTo(model) ?? (model.CardReader ? null : "the model has no card reader");

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var connector = t.Connector;
        await ConnectorStates.OthersUnavailableAsync(t, connector).ConfigureAwait(false);
        var reservationId = await Reservations.ReservedAsync(t, connector, t.Model.IdTag, Reservations.Lasting).ConfigureAwait(false);
        try
        {
            await t.ManualAsync(ManualAction.PresentCard(connector, t.Model.OtherIdTag)).ConfigureAwait(false);
            await t.ExpectNoneAsync(V16Calls.StatusNotification, "5", t.Settings.QuietPeriod, s => s.ConnectorId == connector && s.Status != ChargePointStatus.Reserved,
                $"The reserved connector stays Reserved when another card ('{t.Model.OtherIdTag}') is presented", "Refuse charging on a reserved connector for any idTag other than the reservation's idTag or parentIdTag (OCPP 1.6 §5.13).", "OCPP 1.6 §5.13").ConfigureAwait(false);

            await t.ManualAsync(ManualAction.PresentCard(connector, t.Model.IdTag)).ConfigureAwait(false);
            var authorize = await t.MaybeAsync(V16Calls.Authorize, a => a.IdTag == t.Model.IdTag).ConfigureAwait(false); // step 5 is optional
            var preparing = await t.ExpectAsync(V16Calls.StatusNotification, "7", s => s.ConnectorId == connector, requirement: "OCPP 1.6 §4.9").ConfigureAwait(false);
            t.Check(preparing.Request.Status == ChargePointStatus.Preparing, "7", "StatusNotification.req status is Preparing after the reserved idTag was presented",
                $"status is {preparing.Request.Status}" + (authorize is null ? " (no Authorize.req was sent)" : string.Empty),
                "Accept the reservation's own idTag at the reserved connector and report Preparing while waiting for the cable (OCPP 1.6 §5.13, §4.9).", preparing.Call, "OCPP 1.6 §4.9");

            await t.ManualAsync(ManualAction.PlugIn(connector)).ConfigureAwait(false);
            await Reservations.StartedAsync(t, connector, t.Model.IdTag, reservationId, "9").ConfigureAwait(false);
            await Charging.ChargingStatusAsync(t, connector).ConfigureAwait(false);
        }
        finally
        {
            await Reservations.ReleaseAsync(t, reservationId, connector).ConfigureAwait(false);
        }
    }
}
