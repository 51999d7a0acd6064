namespace Iskra.Server.Api;

/// <summary>The <c>data:</c> of an SSE <c>event: reset</c>: shaped like <see cref="EventMessage"/>, with type <c>reset</c>.</summary>
public sealed record ResetMessage(string Type, string? StationId, DateTimeOffset Timestamp, ResetData Data);
