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

    /// <summary>Failed handshakes allowed per station id and per address within <see cref="FailureWindow"/> before refusing outright.</summary>
    public int MaxFailedHandshakes { get; set; } = 10;

    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(1);
}
