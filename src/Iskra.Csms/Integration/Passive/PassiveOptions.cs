namespace Iskra.Csms.Integration.Passive;

/// <summary>
/// The thresholds of the passive checks on live traffic (configuration section <c>Passive</c>);
/// docs/passive-findings.md names the check each one belongs to.
/// </summary>
public sealed class PassiveOptions
{
    /// <summary>Whether the checks run at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>At most one write per station and check within this interval (a first sighting is written at once).</summary>
    public TimeSpan WriteInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often deadlines are looked at and pending counts written.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Energy plausibility: judged once power × time promises at least this much energy, Wh.</summary>
    public double MinExpectedEnergyWh { get; set; } = 100;

    /// <summary>Energy plausibility: a register that grew less than this share of power × time is implausible.</summary>
    public double MinEnergyRatio { get; set; } = 0.1;

    /// <summary>A register going back by more than this is a step backwards, Wh (rounding of kWh registers).</summary>
    public double RegisterTolerance { get; set; } = 0.5;

    /// <summary>A station timestamp further ahead of the server's clock than this is drift.</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Heartbeat cadence: an interval off the one set by more than this share counts as off.</summary>
    public double HeartbeatTolerance { get; set; } = 0.5;

    /// <summary>Heartbeat cadence: this many consecutive off intervals make a finding.</summary>
    public int HeartbeatSamples { get; set; } = 3;

    /// <summary>After an accepted BootNotification, a StatusNotification is expected within this.</summary>
    public TimeSpan StatusAfterBootTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The time Iskra waits for an answer to its CALL (keep it equal to <c>Ocpp:CallTimeout</c>).</summary>
    public TimeSpan AnswerTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>After an Accepted remote start, a transaction is expected within this (the station's ConnectionTimeOut plus a margin).</summary>
    public TimeSpan RemoteStartTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>The station's recent CALL message ids compared against a new one.</summary>
    public int MessageIdWindow { get; set; } = 8;

    /// <summary>Stations and checks tallied in memory at most; beyond it the oldest quiet tallies are dropped.</summary>
    public int MaxTallies { get; set; } = 200_000;
}
