namespace Iskra.Csms.Events;

/// <summary>
/// The body of <c>reservation.status</c>: a stored reservation after the station's answer to ReserveNow
/// (Accepted, Faulted, Occupied, Rejected, Unavailable), an accepted CancelReservation (Cancelled) or a
/// 2.0.1 ReservationStatusUpdate (Expired, Removed). <see cref="Id"/> is Iskra's.
/// </summary>
public sealed record ReservationStatusData(long Id, int ReservationId, string Status, int? ConnectorId, string IdTag, DateTimeOffset ExpiryDate);
