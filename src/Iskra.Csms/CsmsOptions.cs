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

    /// <summary>A 2.0.1 NotifyReport chain whose next part (tbc was true) has not come this long after its latest part is recorded incomplete.</summary>
    public TimeSpan ReportPartTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Failed handshakes allowed per station id and per address within <see cref="FailureWindow"/> before refusing outright.</summary>
    public int MaxFailedHandshakes { get; set; } = 10;

    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(1);
}
