namespace Iskra.Csms.Alarms;

/// <summary>
/// The <c>Alarms</c> section: each rule's settings under <c>Alarms:&lt;Kind&gt;</c> (docs/alarms.md), and how often the
/// rules that depend on time are checked.
/// </summary>
public sealed class AlarmOptions
{
    /// <summary>How often the time rules (offline, silent sessions, stuck suspensions, unfinished uploads) are checked.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(15);

    public AlarmRuleOptions StationOffline { get; set; } = new() { Severity = AlarmSeverity.Major, After = TimeSpan.FromMinutes(5) };

    public AlarmRuleOptions ConnectorFaulted { get; set; } = new() { Severity = AlarmSeverity.Major };

    /// <summary>Security events: the alarming types are Critical; the alarm clears after <see cref="AlarmRuleOptions.ClearAfter"/> without a repeat.</summary>
    public AlarmRuleOptions SecurityEvent { get; set; } = new() { Severity = AlarmSeverity.Critical, ClearAfter = TimeSpan.FromHours(24) };

    public AlarmRuleOptions StationProblem { get; set; } = new() { Severity = AlarmSeverity.Major };

    public AlarmRuleOptions RemoteStartWithoutSession { get; set; } = new() { Severity = AlarmSeverity.Major, After = TimeSpan.FromMinutes(2), ClearAfter = TimeSpan.FromHours(24) };

    public AlarmRuleOptions NoMeterValues { get; set; } = new() { Severity = AlarmSeverity.Minor, After = TimeSpan.FromMinutes(15) };

    public AlarmRuleOptions SessionSuspended { get; set; } = new() { Severity = AlarmSeverity.Warning, After = TimeSpan.FromMinutes(30) };

    public AlarmRuleOptions ModelNotIntegrated { get; set; } = new() { Severity = AlarmSeverity.Major };

    public AlarmRuleOptions FirmwareNotTested { get; set; } = new() { Severity = AlarmSeverity.Warning };

    /// <summary>The station's clock is off by more than <see cref="AlarmRuleOptions.Tolerance"/>.</summary>
    public AlarmRuleOptions ClockSkew { get; set; } = new() { Severity = AlarmSeverity.Minor, Tolerance = TimeSpan.FromMinutes(5) };

    /// <summary><see cref="AlarmRuleOptions.Count"/> refusals of a registered station within <see cref="AlarmRuleOptions.Window"/>.</summary>
    public AlarmRuleOptions ConnectionRefused { get; set; } = new() { Severity = AlarmSeverity.Major, Count = 10, Window = TimeSpan.FromMinutes(10) };

    public AlarmRuleOptions ConnectionFlipFlop { get; set; } = new() { Severity = AlarmSeverity.Major, ClearAfter = TimeSpan.FromHours(1) };

    public AlarmRuleOptions FirmwareUpdateFailed { get; set; } = new() { Severity = AlarmSeverity.Major, FinishWithin = TimeSpan.FromHours(2) };

    public AlarmRuleOptions LogUploadFailed { get; set; } = new() { Severity = AlarmSeverity.Minor, FinishWithin = TimeSpan.FromHours(1) };
}

/// <summary>One rule's settings; each rule reads the ones it names.</summary>
public sealed class AlarmRuleOptions
{
    /// <summary>False turns the rule off: it opens no alarm (open ones still clear).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Critical, Major, Minor or Warning.</summary>
    public string Severity { get; set; } = AlarmSeverity.Major;

    /// <summary>How long the condition must last before the alarm opens.</summary>
    public TimeSpan After { get; set; }

    /// <summary>For conditions that are events, not states: the alarm clears after this long without a repeat.</summary>
    public TimeSpan ClearAfter { get; set; }

    /// <summary>How far a value may be off before it is a fault.</summary>
    public TimeSpan Tolerance { get; set; }

    /// <summary>How many occurrences within <see cref="Window"/> make a fault.</summary>
    public int Count { get; set; }

    public TimeSpan Window { get; set; }

    /// <summary>How long an operation may take before it counts as failed.</summary>
    public TimeSpan FinishWithin { get; set; }
}
