namespace Iskra.Server.Api;

/// <summary>The body of <c>POST /api/api-keys</c>: a name and a role (viewer, operator, admin).</summary>
public sealed record NewApiKey(string? Name, string? Role);
