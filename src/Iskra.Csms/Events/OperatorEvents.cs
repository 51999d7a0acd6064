using Iskra.Csms.Alarms;
using Iskra.Csms.Reservations;
using Iskra.Csms.Stations;

namespace Iskra.Csms.Events;

/// <summary>
/// Publishing of what operators and station reports change outside a station's hot path: station
/// registration, edits and deletion, alarm acknowledgement, firmware, log and reservation statuses.
/// Called after the change is committed; builds nothing when nobody watches.
/// </summary>
public static class OperatorEvents
{
    /// <summary><c>station.registered</c> (<paramref name="changed"/> empty) or <c>station.updated</c>.</summary>
    public static void Station(this CsmsEvents events, string type, Station station, IReadOnlyList<string> changed)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(station);
        if (events.IsWatched)
        {
            var data = new StationData(changed, station.Description, station.SecurityProfile, station.RegistrationStatus.ToString(), station.PasswordHash is not null);
            events.Publish(type, station.Id, data, CsmsJsonContext.Default.StationData);
        }
    }

    /// <summary><c>station.deleted</c>.</summary>
    public static void StationDeleted(this CsmsEvents events, string stationId, bool wasConnected)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.IsWatched)
        {
            events.Publish(CsmsEventTypes.StationDeleted, stationId, new StationDeletedData(wasConnected), CsmsJsonContext.Default.StationDeletedData);
        }
    }

    /// <summary><c>alarm.acknowledged</c> for an alarm whose acknowledgement is stored.</summary>
    public static void AlarmAcknowledged(this CsmsEvents events, Alarm alarm)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(alarm);
        if (events.IsWatched && alarm.AcknowledgedAt is { } at)
        {
            var data = new AlarmAcknowledgedData(alarm.Id, alarm.Kind, alarm.Code, alarm.AcknowledgedBy, at);
            events.Publish(CsmsEventTypes.AlarmAcknowledged, alarm.StationId, data, CsmsJsonContext.Default.AlarmAcknowledgedData);
        }
    }

    /// <summary><c>firmware.status</c>.</summary>
    public static void FirmwareStatus(this CsmsEvents events, string stationId, string status, int? requestId, long? updateId)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.IsWatched)
        {
            events.Publish(CsmsEventTypes.FirmwareStatus, stationId, new FirmwareStatusData(status, requestId, updateId), CsmsJsonContext.Default.FirmwareStatusData);
        }
    }

    /// <summary><c>log.status</c>.</summary>
    public static void LogStatus(this CsmsEvents events, string stationId, string status, int? requestId, long? uploadRequestId)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.IsWatched)
        {
            events.Publish(CsmsEventTypes.LogStatus, stationId, new LogStatusData(status, requestId, uploadRequestId), CsmsJsonContext.Default.LogStatusData);
        }
    }

    /// <summary><c>reservation.status</c> for a stored reservation (none when <paramref name="reservation"/> is null).</summary>
    public static void ReservationStatus(this CsmsEvents events, Reservation? reservation)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (reservation is not null && events.IsWatched)
        {
            var data = new ReservationStatusData(reservation.Id, reservation.ReservationId, reservation.Status, reservation.ConnectorId, reservation.IdTag, reservation.ExpiryDate);
            events.Publish(CsmsEventTypes.ReservationStatus, reservation.StationId, data, CsmsJsonContext.Default.ReservationStatusData);
        }
    }
}
