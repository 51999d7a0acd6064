namespace Iskra.Server.Api;

/// <summary>The body of <c>PATCH /api/catalog/models/{modelId}</c>: a new status, and/or a quirk note to add.</summary>
public sealed record CatalogModelChanges(string? Status, string? Quirk);
