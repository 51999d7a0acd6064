namespace Iskra.TestLab.Runner;

/// <summary>The lab's timing (configuration section <c>TestLab</c>): how long it waits, and the short intervals it sets so a run takes minutes.</summary>
public sealed class LabSettings
{
    /// <summary>How long the lab waits for a station's message or answer that a step expects.</summary>
    public TimeSpan StationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a manual step waits for a person's answer before the case is skipped.</summary>
    public TimeSpan PromptTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The heartbeat interval the lab gives the station during a run (seconds); short, so heartbeat cases take seconds.</summary>
    public int HeartbeatInterval { get; set; } = 10;

    /// <summary>How long the lab watches for something a station must not send (a quiet period).</summary>
    public TimeSpan QuietPeriod { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>The meter value sample interval the lab sets for meter value cases (seconds).</summary>
    public int MeterValueSampleInterval { get; set; } = 5;

    /// <summary>ConnectionTimeOut the lab sets for timeout cases (seconds).</summary>
    public int ConnectionTimeOut { get; set; } = 10;

    /// <summary>
    /// The passive energy unit check inside a run: judged once power × time reaches this many Wh (the fleet's
    /// <c>Passive:MinExpectedEnergyWh</c> is 100 Wh, more than a case's transaction of seconds delivers).
    /// </summary>
    public double MinExpectedEnergyWh { get; set; } = 10;
}
