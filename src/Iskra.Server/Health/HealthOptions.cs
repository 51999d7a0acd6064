namespace Iskra.Server.Health;

/// <summary>When <c>/health</c> reports the storage writer Degraded or Unhealthy (configuration section "Health").</summary>
public sealed class HealthOptions
{
    /// <summary>The oldest waiting write is this old: Degraded. Default 5 s.</summary>
    public TimeSpan WriterDegradedAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The oldest waiting write is this old: Unhealthy (503), stations are waiting on storage. Default 30 s.</summary>
    public TimeSpan WriterUnhealthyAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>This many writes waiting: Degraded. Default 50000 (half the writer's queue).</summary>
    public int WriterDegradedQueueDepth { get; set; } = 50_000;

    /// <summary>How long the database may take to answer the readiness probe before it counts as down. Default 5 s.</summary>
    public TimeSpan DatabaseTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
