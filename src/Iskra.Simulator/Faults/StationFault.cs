namespace Iskra.Simulator.Faults;

/// <summary>
/// The misbehaviours a station can be switched into, each one seen in real stations during
/// integrations (docs/simulator.md describes each and what a CSMS should notice).
/// </summary>
public enum StationFault
{
    /// <summary>Sends no StatusNotification after BootNotification.</summary>
    NoStatusAfterBoot,

    /// <summary>Energy values are in kWh but labelled Wh.</summary>
    KwhLabelledWh,

    /// <summary>Energy values carry no unit (and are in kWh).</summary>
    EnergyWithoutUnit,

    /// <summary>The energy register sometimes goes backwards.</summary>
    NonMonotonicRegister,

    /// <summary>meterStop (1.6) / the final register (2.0.1) is lower than the start.</summary>
    MeterStopBelowStart,

    /// <summary>Timestamps carry no time zone.</summary>
    TimestampsWithoutZone,

    /// <summary>The station's clock drifts ahead by an hour and more every hour.</summary>
    DriftingClock,

    /// <summary>Keeps its own heartbeat interval whatever the CSMS sets.</summary>
    IgnoresHeartbeatInterval,

    /// <summary>Rejects every remote start.</summary>
    RejectsRemoteStart,

    /// <summary>Accepts a remote start and never starts the transaction.</summary>
    NoTransactionAfterRemoteStart,

    /// <summary>Answers actions it does not know with an empty CALLRESULT instead of NotImplemented.</summary>
    ResultForUnknownAction,

    /// <summary>Answers the CSMS's calls later than its timeout.</summary>
    AnswersLate,

    /// <summary>Uses the same message id for every CALL.</summary>
    ReusesMessageIds,

    /// <summary>Sends values outside the schema: a too-long serial number, an off-enum error code.</summary>
    OutOfSchemaValues,

    /// <summary>Loses the transaction messages it queued while offline.</summary>
    DropsQueuedTransactionMessages,

    /// <summary>Sends firmware status notifications without the request id.</summary>
    FirmwareStatusWithoutRequestId,

    /// <summary>Stores charging profiles and draws full power regardless.</summary>
    IgnoresChargingLimits,

    /// <summary>Sends no meter values during a transaction (neither sampled nor clock-aligned); start and stop still carry theirs.</summary>
    NoMeterValues,
}
