using Iskra.Csms.Jobs;

namespace Iskra.Server.Health;

/// <summary>The body of <c>GET /health</c>: Healthy, Degraded or Unhealthy, and why (docs/operations.md).</summary>
public sealed record HealthReport(string Status, bool Database, int ConnectedStations, WriterReport Writer, IReadOnlyList<JobStatus> Jobs);
