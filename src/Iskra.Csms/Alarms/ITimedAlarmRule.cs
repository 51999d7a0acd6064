namespace Iskra.Csms.Alarms;

/// <summary>A rule whose condition is found by time (a station silent too long, an upload that never finished), checked by <see cref="AlarmRulesJob"/>.</summary>
public interface ITimedAlarmRule
{
    /// <summary>Opens the alarms whose condition has lasted long enough, and clears those whose condition is gone or gone quiet.</summary>
    Task CheckAsync(AlarmBook book, DateTimeOffset now, CancellationToken cancellationToken);
}
