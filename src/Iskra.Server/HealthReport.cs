namespace Iskra.Server;

/// <summary>The body of <c>GET /health</c>.</summary>
public sealed record HealthReport(string Status, bool Database, int ConnectedStations);
