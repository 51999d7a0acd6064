using Iskra.Simulator.Model;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.Reservations;

/// <summary>
/// What the station does on ReserveNow and CancelReservation, version-neutral (1.6 §5.13/§5.3, 2.0.1 H01/H02).
/// A reserved connector is Reserved and takes only the reserved id tag (<see cref="ChargingLogic.CanStart"/>);
/// the transaction started there carries the reservationId, and expiry is the charging logic's tick.
/// </summary>
internal static class ReservationActions
{
    /// <summary>
    /// Reserves a connector; <paramref name="connectorId"/> null or 0 reserves any free one, which needs
    /// ReserveConnectorZeroSupported (2.0.1 ReservationCtrlr.NonEvseSpecific). The same reservation id
    /// replaces the reservation it names (1.6 §5.13, 2.0.1 H01.FR.02).
    /// </summary>
    public static Task<ReserveOutcome> ReserveAsync(SimStation station, int? connectorId, Reservation reservation) => station.LockedAsync(() =>
    {
        var existing = station.Connectors.FirstOrDefault(c => c.Reservation?.Id == reservation.Id);
        Connector target;
        if (connectorId is null or 0)
        {
            if (!station.Configuration.GetBool("ReserveConnectorZeroSupported", false))
            {
                return ReserveOutcome.Rejected;
            }

            var free = existing is not null && Check(existing, reservation.Id) == ReserveOutcome.Accepted
                ? existing
                : station.Connectors.FirstOrDefault(c => Check(c, reservation.Id) == ReserveOutcome.Accepted);
            if (free is null)
            {
                return station.Connectors.All(c => c.ErrorCode != "NoError") ? ReserveOutcome.Faulted
                    : station.Connectors.All(c => c.Inoperative) ? ReserveOutcome.Unavailable
                    : ReserveOutcome.Occupied;
            }

            target = free;
        }
        else if (connectorId > station.Connectors.Count || connectorId < 0)
        {
            return ReserveOutcome.Rejected;
        }
        else
        {
            target = station.Connectors[connectorId.Value - 1];
            var outcome = Check(target, reservation.Id);
            if (outcome != ReserveOutcome.Accepted)
            {
                return outcome;
            }
        }

        if (existing is not null && existing != target)
        {
            Release(station, existing);
        }

        target.Reservation = reservation;
        station.Logic.SetStatus(target, ChargingLogic.IdleStatus(target));
        return ReserveOutcome.Accepted;
    });

    /// <summary>Cancels the reservation (1.6 §5.3, 2.0.1 H02); false when no connector holds it.</summary>
    public static Task<bool> CancelAsync(SimStation station, int reservationId) => station.LockedAsync(() =>
    {
        var connector = station.Connectors.FirstOrDefault(c => c.Reservation?.Id == reservationId);
        if (connector is null)
        {
            return false;
        }

        Release(station, connector);
        return true;
    });

    /// <summary>Whether a connector can take a reservation now: Faulted, Unavailable, Occupied (a transaction, an EV, an authorization or another reservation).</summary>
    private static ReserveOutcome Check(Connector connector, int reservationId) =>
        connector.ErrorCode != "NoError" ? ReserveOutcome.Faulted
        : connector.Inoperative ? ReserveOutcome.Unavailable
        : connector.Session is not null || connector.Plugged || connector.Pending is not null
            || (connector.Reservation is { } held && held.Id != reservationId) ? ReserveOutcome.Occupied
        : ReserveOutcome.Accepted;

    private static void Release(SimStation station, Connector connector)
    {
        connector.Reservation = null;
        if (connector.Session is null)
        {
            station.Logic.SetStatus(connector, ChargingLogic.IdleStatus(connector));
        }
    }
}
