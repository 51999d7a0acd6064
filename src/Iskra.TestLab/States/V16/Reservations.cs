using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;

namespace Iskra.TestLab.States.V16;

/// <summary>The OCTT 1.6 §2.20 reservation steps: ReserveNow and the reusable state <i>Reserved</i> (Table 111), CancelReservation.</summary>
public static class Reservations
{
    private static int _lastId = (int)(DateTimeOffset.UtcNow.ToUnixTimeSeconds() % 1_000_000) * 100;

    /// <summary>How long a reservation that the case uses up lasts.</summary>
    public static readonly TimeSpan Lasting = TimeSpan.FromMinutes(15);

    /// <summary>A reservation id not used before in this lab.</summary>
    public static int NewId() => Interlocked.Increment(ref _lastId);

    /// <summary>Sends ReserveNow.req (step <paramref name="step"/>) and returns its answer.</summary>
    public static Task<ReserveNowResponse> ReserveNowAsync(CaseContext t, int connectorId, int reservationId, string idTag, TimeSpan validity, string step, string? parentIdTag = null)
    {
        ArgumentNullException.ThrowIfNull(t);
        var request = new ReserveNowRequest { ConnectorId = connectorId, ReservationId = reservationId, IdTag = idTag, ParentIdTag = parentIdTag, ExpiryDate = t.Time.GetUtcNow() + validity };
        return t.SendAsync(V16Calls.ReserveNow, request, step, "OCPP 1.6 §5.13 ReserveNow");
    }

    /// <summary>
    /// Reusable state <i>Reserved</i>: ReserveNow.req (step 1) answered Accepted (step 2), then StatusNotification.req
    /// Reserved (step 3) for the connector, or for any connector when <paramref name="connectorId"/> is 0. Returns the reservation id.
    /// </summary>
    public static async Task<int> ReservedAsync(CaseContext t, int connectorId, string idTag, TimeSpan validity, string? parentIdTag = null)
    {
        ArgumentNullException.ThrowIfNull(t);
        var id = NewId();
        var answer = await ReserveNowAsync(t, connectorId, id, idTag, validity, "1", parentIdTag).ConfigureAwait(false);
        t.Require(answer.Status == ReservationStatus.Accepted, "2", $"ReserveNow.conf status is Accepted for connector {connectorId}", $"status is {answer.Status}",
            connectorId == 0
                ? "Accept a reservation of connectorId 0 when ReserveConnectorZeroSupported is true and a connector is free (OCPP 1.6 §5.13)."
                : "Accept a reservation of an available connector that has no reservation (OCPP 1.6 §5.13).",
            requirement: "OCPP 1.6 §5.13");
        var status = await t.ExpectAsync(V16Calls.StatusNotification, "3", s => (connectorId == 0 || s.ConnectorId == connectorId) && s.Status != ChargePointStatus.Available,
            requirement: "OCPP 1.6 §5.13, §4.9").ConfigureAwait(false);
        t.Require(status.Request.Status == ChargePointStatus.Reserved, "3", $"StatusNotification.req status is Reserved{(connectorId == 0 ? string.Empty : $" for connector {connectorId}")}",
            $"connector {status.Request.ConnectorId} status is {status.Request.Status}", "Report Reserved for the connector once a reservation is accepted (OCPP 1.6 §4.9, ChargePointStatus Reserved).", status.Call, "OCPP 1.6 §4.9");
        return id;
    }

    /// <summary>Cancels a reservation the case leaves behind (a failed case, or one that keeps it on purpose) so the connector leaves Reserved (Available, or Preparing with a cable in).</summary>
    public static async Task ReleaseAsync(CaseContext t, int reservationId, int connectorId)
    {
        ArgumentNullException.ThrowIfNull(t);
        if (t.State.StatusOf(connectorId) != "Reserved")
        {
            return;
        }

        var answer = await t.SendAsync(V16Calls.CancelReservation, new CancelReservationRequest { ReservationId = reservationId }, "release", "OCPP 1.6 §5.3 CancelReservation").ConfigureAwait(false);
        if (answer.Status == CancelReservationStatus.Accepted)
        {
            await t.ExpectAsync(V16Calls.StatusNotification, "release", s => s.ConnectorId == connectorId && s.Status != ChargePointStatus.Reserved, requirement: "OCPP 1.6 §5.3").ConfigureAwait(false);
        }
    }

    /// <summary>The two steps of the refused-reservation cases (TC_048_x, TC_050_x): ReserveNow.req, and the status it must get.</summary>
    public static async Task RefusedAsync(CaseContext t, int connectorId, ReservationStatus expected, string fix)
    {
        ArgumentNullException.ThrowIfNull(t);
        var reservationId = NewId();
        var answer = await ReserveNowAsync(t, connectorId, reservationId, t.Model.IdTag, Lasting, "1").ConfigureAwait(false);
        t.Check(answer.Status == expected, "2", $"ReserveNow.conf status is {expected} (connectorId {connectorId})", $"status is {answer.Status}", fix, requirement: "OCPP 1.6 §5.13 ReserveNow");
        if (answer.Status == ReservationStatus.Accepted)
        {
            await t.SendAsync(V16Calls.CancelReservation, new CancelReservationRequest { ReservationId = reservationId }, "release", "OCPP 1.6 §5.3").ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Reusable state <i>Charging</i> started remotely (OCTT 1.6 Table 105) on a connector that may be Reserved:
    /// the cable (Preparing unless Reserved), RemoteStartTransaction for <paramref name="idTag"/> (Accepted),
    /// Preparing when it was Reserved, then StartTransaction.req with the reservation and Charging.
    /// </summary>
    public static async Task ChargeRemotelyAsync(CaseContext t, int connector, string idTag, int? reservationId, string step)
    {
        ArgumentNullException.ThrowIfNull(t);
        var wasReserved = t.State.StatusOf(connector) == "Reserved";
        if (wasReserved)
        {
            await t.ManualAsync(ManualAction.PlugIn(connector)).ConfigureAwait(false);
        }
        else
        {
            await Charging.EvConnectedAsync(t, connector).ConfigureAwait(false);
        }

        var answer = await t.SendAsync(V16Calls.RemoteStartTransaction, new RemoteStartTransactionRequest { ConnectorId = connector, IdTag = idTag }, step, "OCPP 1.6 §5.11").ConfigureAwait(false);
        t.Require(answer.Status == RemoteStartStopStatus.Accepted, step, $"RemoteStartTransaction.conf status is Accepted for '{idTag}' on connector {connector}", $"status is {answer.Status}",
            "Accept a remote start for the reservation's idTag on the reserved connector (OCPP 1.6 §5.11, §5.13).", requirement: "OCPP 1.6 §5.11");
        if (wasReserved)
        {
            var status = await t.ExpectAsync(V16Calls.StatusNotification, step, s => s.ConnectorId == connector, requirement: "OCPP 1.6 §4.9").ConfigureAwait(false);
            t.Check(status.Request.Status == ChargePointStatus.Preparing, step, "StatusNotification.req status is Preparing: the reserved connector is taken by the reservation's idTag",
                $"status is {status.Request.Status}", "Go from Reserved to Preparing when the reservation's idTag is presented or remotely started (OCPP 1.6 §4.9 state table G2; Reserved never goes straight to Charging).", status.Call, "OCPP 1.6 §4.9");
        }

        await StartedAsync(t, connector, idTag, reservationId, step).ConfigureAwait(false);
        await Charging.ChargingStatusAsync(t, connector).ConfigureAwait(false);
    }

    /// <summary>StartTransaction.req on the connector for <paramref name="idTag"/>, carrying <paramref name="reservationId"/> (or none when null).</summary>
    public static async Task StartedAsync(CaseContext t, int connector, string idTag, int? reservationId, string step)
    {
        ArgumentNullException.ThrowIfNull(t);
        var start = await t.ExpectAsync(V16Calls.StartTransaction, step, s => s.ConnectorId == connector, requirement: "OCPP 1.6 §4.8 StartTransaction").ConfigureAwait(false);
        t.Check(start.Request.IdTag == idTag, step, $"StartTransaction.req idTag is '{idTag}'", $"idTag is '{start.Request.IdTag}'",
            "Start the transaction with the idTag that was authorized; on a reserved connector only the reservation's idTag or one of its parentIdTag may start (OCPP 1.6 §5.13).", start.Call, "OCPP 1.6 §5.13");
        var sent = start.Request.ReservationId is { } r ? $"reservationId is {r}" : "reservationId is absent";
        if (reservationId is { } expected)
        {
            t.Check(start.Request.ReservationId == expected, step, $"StartTransaction.req reservationId is {expected}, the reservation being used", sent,
                "Include the reservationId in StartTransaction.req when the transaction uses a reservation, which ends it (OCPP 1.6 §4.8, §5.13).", start.Call, "OCPP 1.6 §4.8");
        }
        else
        {
            t.Check(start.Request.ReservationId is null, step, "StartTransaction.req has no reservationId (no reservation is used)", sent,
                "Send a reservationId in StartTransaction.req only when the transaction uses a reservation that is still valid (OCPP 1.6 §4.8).", start.Call, "OCPP 1.6 §4.8");
        }
    }
}
