namespace Iskra.Simulator.Swarm;

/// <summary>A call awaiting its answer: what it was, when it was due (Stopwatch ticks), who waits for it (closed loop) and the phase's stats it counts in.</summary>
internal readonly record struct SwarmPending(SwarmAction Action, long Scheduled, TaskCompletionSource<bool>? Done, SwarmStats Stats);

