namespace Iskra.Csms.Transactions;

/// <summary>
/// Business problems in transaction messages. They are accepted, stored and flagged, never answered
/// with a CALLERROR, or the station would retry them forever (OCPP 1.6 §4.8/§4.10, 2.0.1 E.FR).
/// </summary>
[Flags]
public enum TransactionProblems
{
    None = 0,
    UnknownIdTag = 1,
    NotAuthorized = 2,
    UnknownTransaction = 4,
    LateTimestamp = 8,
    MeterStopBelowStart = 16,
    /// <summary>A second StopTransaction (not a retry of the first) or a second TransactionEvent Ended for a finished session.</summary>
    StoppedTwice = 32,
    SeqNoGap = 64,
    OfflineEvents = 128,
    /// <summary>An energy register reading the session already had (same time, same value) arrived again; it was stored once.</summary>
    DuplicateMeterValues = 256,
}
