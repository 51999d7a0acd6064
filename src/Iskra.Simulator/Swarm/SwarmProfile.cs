namespace Iskra.Simulator.Swarm;

/// <summary>
/// The open-loop schedule of every station: a Heartbeat every <see cref="HeartbeatInterval"/> and,
/// when <see cref="Sessions"/>, a charging-session cycle in slots of <see cref="SlotInterval"/>:
/// Plug, Start, <see cref="MetersPerSession"/> × Meter, Stop, Unplug (MetersPerSession + 4 messages per
/// cycle). Each station starts at a random phase of both, so the fleet's arrivals are spread evenly:
/// a constant arrival rate. The profiles are defined in docs/benchmarks.md.
/// </summary>
public sealed record SwarmProfile(string Name, TimeSpan HeartbeatInterval, bool Sessions, TimeSpan SlotInterval, int MetersPerSession)
{
    /// <summary>Connected, heartbeats only (every 60 s).</summary>
    public static SwarmProfile Idle { get; } = new("idle", TimeSpan.FromSeconds(60), false, TimeSpan.Zero, 0);

    /// <summary>Sessions with a meter value every 30 s, heartbeat every 300 s: ≈ 0.037 messages/s per station.</summary>
    public static SwarmProfile Typical { get; } = new("typical", TimeSpan.FromSeconds(300), true, TimeSpan.FromSeconds(30), 10);

    /// <summary>The typical mix 15× faster: a message every 2 s in sessions, heartbeat every 60 s: ≈ 0.52 messages/s per station.</summary>
    public static SwarmProfile Stress { get; } = new("stress", TimeSpan.FromSeconds(60), true, TimeSpan.FromSeconds(2), 10);

    /// <summary>Messages per second that one station sends on this schedule.</summary>
    public double RatePerStation => (1 / HeartbeatInterval.TotalSeconds) + (Sessions ? 1 / SlotInterval.TotalSeconds : 0);

    /// <summary>The step of slot <paramref name="slot"/> (0-based, counting from the first slot of a cycle).</summary>
    public SwarmStep StepOf(long slot)
    {
        var i = (int)(slot % (MetersPerSession + 4));
        return i switch
        {
            0 => SwarmStep.Plug,
            1 => SwarmStep.Start,
            _ when i == MetersPerSession + 2 => SwarmStep.Stop,
            _ when i == MetersPerSession + 3 => SwarmStep.Unplug,
            _ => SwarmStep.Meter,
        };
    }
}
