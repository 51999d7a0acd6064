namespace Iskra.Csms.Reservations;

/// <summary>
/// A reservation Iskra asked a station for (ReserveNow), with the station's answer and what became
/// of it: cancelled by the operator, or (2.0.1 ReservationStatusUpdate, H01) expired or removed.
/// </summary>
public sealed class Reservation
{
    public long Id { get; set; }

    public required string StationId { get; set; }

    /// <summary>The OCPP reservation id: given by the operator or allocated by Iskra; unique per station.</summary>
    public int ReservationId { get; set; }

    /// <summary>1.6 connectorId (0: any connector); 2.0.1 evseId (null: any EVSE).</summary>
    public int? ConnectorId { get; set; }

    public required string IdTag { get; set; }

    public string? ParentIdTag { get; set; }

    public DateTimeOffset ExpiryDate { get; set; }

    /// <summary>
    /// The station's answer (Accepted, Faulted, Occupied, Rejected, Unavailable), then Cancelled, Expired
    /// or Removed; <c>Failed</c> or <c>NoAnswer</c> when the call got no answer (<see cref="Failure"/>).
    /// </summary>
    public required string Status { get; set; }

    /// <summary>Why the call got no answer: <c>CallError:&lt;code&gt;</c>, <c>Timeout</c>, <c>NotConnected</c> or <c>Cancelled</c>; null when the station answered.</summary>
    public string? Failure { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? CancelledAt { get; set; }

    /// <summary>When the station reported the reservation Expired or Removed (2.0.1).</summary>
    public DateTimeOffset? EndedAt { get; set; }
}
