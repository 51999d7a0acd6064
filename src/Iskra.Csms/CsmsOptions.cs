namespace Iskra.Csms;

/// <summary>Behaviour of the CSMS that an operator may tune (configuration section "Csms").</summary>
public sealed class CsmsOptions
{
    /// <summary>The heartbeat interval handed to stations in BootNotification, in seconds.</summary>
    public int HeartbeatIntervalSeconds { get; set; } = 300;

    /// <summary>Development/demo mode: unknown stations are admitted as Pending (a warning is logged at start-up).</summary>
    public bool AdmitUnknownStations { get; set; }

    /// <summary>How long the station traffic log is kept.</summary>
    public TimeSpan TrafficRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>A transaction message whose timestamp is older than this when it arrives is flagged late (it is still accepted).</summary>
    public TimeSpan LateMessageThreshold { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Failed handshakes allowed per station id and per address within <see cref="FailureWindow"/> before refusing outright.</summary>
    public int MaxFailedHandshakes { get; set; } = 10;

    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// PBKDF2-HMAC-SHA256 iterations of new station password hashes (OWASP 2023: 600,000). Older hashes keep
    /// verifying and are re-hashed at the station's next login (docs/decisions/007-station-password-hashing.md).
    /// </summary>
    public int PasswordIterations { get; set; } = Stations.StationPasswords.DefaultIterations;
}
