namespace Iskra.Simulator.Reservations;

/// <summary>The station's answer to a reservation (1.6 ReservationStatus, 2.0.1 ReserveNowStatusEnumType).</summary>
public enum ReserveOutcome
{
    Accepted,
    Faulted,
    Occupied,
    Rejected,
    Unavailable,
}
