namespace Iskra.Csms;

/// <summary>Behaviour of the CSMS that an operator may tune (configuration section "Csms").</summary>
public sealed class CsmsOptions
{
    /// <summary>The heartbeat interval handed to stations in BootNotification, in seconds.</summary>
    public int HeartbeatIntervalSeconds { get; set; } = 300;

    /// <summary>
    /// How often, at most, a connected station's stored lastSeen is written for messages other than its
    /// heartbeats (which write it anyway): every message updates it in memory, where the API reads it.
    /// </summary>
    public TimeSpan LastSeenWriteInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Development/demo mode: unknown stations are admitted as Pending (a warning is logged at start-up).</summary>
    public bool AdmitUnknownStations { get; set; }

    /// <summary>How long the station traffic log is kept.</summary>
    public TimeSpan TrafficRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>A transaction message whose timestamp is older than this when it arrives is flagged late (it is still accepted).</summary>
    public TimeSpan LateMessageThreshold { get; set; } = TimeSpan.FromHours(24);

    /// <summary>A 2.0.1 NotifyReport chain whose next part (tbc was true) has not come this long after its latest part is recorded incomplete.</summary>
    public TimeSpan ReportPartTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Failed handshakes allowed per (station id, address) pair within <see cref="FailureWindow"/>; then the
    /// pair is refused without a password check, for a window that doubles with each repeat up to
    /// <see cref="MaxFailureBackoff"/> (docs/decisions/007-admission-limits.md).
    /// </summary>
    public int MaxFailedHandshakes { get; set; } = 10;

    /// <summary>
    /// Failed handshakes allowed per address, over all ids, within <see cref="FailureWindow"/>; then that
    /// address is refused without a password check, except for ids that were admitted from it before.
    /// </summary>
    public int MaxFailedHandshakesPerAddress { get; set; } = 50;

    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest a pair or an address is refused after repeated failures.</summary>
    public TimeSpan MaxFailureBackoff { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long refused-handshake rows are kept.</summary>
    public TimeSpan ConnectionAttemptRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Distinct (address, station id, reason) rows recorded per minute; beyond, refusals are summed per reason.</summary>
    public int MaxConnectionAttemptRowsPerMinute { get; set; } = 1000;

    /// <summary>
    /// Overload threshold: while the storage writer's oldest waiting write has waited longer than this,
    /// station calls are refused at once (CALLERROR InternalError, "busy") and traffic-log rows are
    /// dropped, so that what is accepted is still answered in time. <see cref="TimeSpan.Zero"/> turns
    /// shedding off.
    /// </summary>
    public TimeSpan MaxStorageDelay { get; set; } = TimeSpan.FromSeconds(2);
    /// <summary>
    /// PBKDF2-HMAC-SHA256 iterations of new station password hashes (OWASP 2023: 600,000). Older hashes keep
    /// verifying and are re-hashed at the station's next login (docs/decisions/009-station-password-hashing.md).
    /// </summary>
    public int PasswordIterations { get; set; } = Stations.StationPasswords.DefaultIterations;
}
