namespace Iskra.Csms.Events;

/// <summary>The event names of <see cref="CsmsEvent.Type"/>, as SSE clients and webhooks see them.</summary>
public static class CsmsEventTypes
{
    public const string StationConnected = "station.connected";
    public const string StationDisconnected = "station.disconnected";
    public const string StatusChanged = "station.status";
    public const string TransactionStarted = "transaction.started";
    public const string TransactionUpdated = "transaction.updated";
    public const string TransactionStopped = "transaction.stopped";

    /// <summary>A running session was priced again: its cost so far.</summary>
    public const string TransactionCost = "transaction.cost";

    /// <summary>A charge detail record was issued (at a session's end, or as a correction).</summary>
    public const string CdrIssued = "cdr.issued";
    public const string AlarmRaised = "alarm.raised";

    /// <summary>An alarm's condition is gone: the alarm cleared by itself.</summary>
    public const string AlarmCleared = "alarm.cleared";
    public const string CommandSent = "command.sent";
    public const string CommandAnswered = "command.answered";
    public const string StationRegistered = "station.registered";
    public const string StationUpdated = "station.updated";
    public const string StationDeleted = "station.deleted";
    public const string FirmwareStatus = "firmware.status";
    public const string LogStatus = "log.status";
    public const string ReservationStatus = "reservation.status";
    public const string AlarmAcknowledged = "alarm.acknowledged";
    public const string FindingRaised = "finding.raised";

    /// <summary>Every type above, for validating subscriptions.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        StationConnected, StationDisconnected, StatusChanged, TransactionStarted, TransactionUpdated,
        TransactionStopped, AlarmRaised, CommandSent, CommandAnswered, StationRegistered, StationUpdated,
        StationDeleted, FirmwareStatus, LogStatus, ReservationStatus, AlarmAcknowledged, FindingRaised,
        TransactionCost, CdrIssued, AlarmCleared,
    ];
}
