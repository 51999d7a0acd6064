namespace Iskra.Csms.Alarms;

/// <summary>What a raise or a clear did to an alarm, announced once it is stored (<see cref="AlarmBook.Announce(AlarmChange?)"/>).</summary>
public sealed record AlarmChange(Alarm Alarm, AlarmTransition Transition);

/// <summary>The ways an alarm changes.</summary>
public enum AlarmTransition
{
    /// <summary>A new alarm opened.</summary>
    Opened,

    /// <summary>The open alarm was seen again: its count and last-seen time moved.</summary>
    Repeated,

    /// <summary>The condition is gone: the alarm cleared.</summary>
    Cleared,
}
