namespace Iskra.Simulator.RemoteControl;

/// <summary>The answer to a ChangeAvailability, in words both versions share (1.6 §5.2, 2.0.1 G03/G04).</summary>
internal enum AvailabilityOutcome
{
    Accepted,
    Rejected,

    /// <summary>A transaction runs: the change applies once it ends.</summary>
    Scheduled,
}
