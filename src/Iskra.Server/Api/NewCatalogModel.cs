namespace Iskra.Server.Api;

/// <summary>The body of <c>POST /api/catalog/models</c>: vendor and model (as stations give them in BootNotification), status (default <c>testing</c>) and quirk notes.</summary>
public sealed record NewCatalogModel(string? Vendor, string? Model, string? Status, IReadOnlyList<string>? Quirks);
