namespace Iskra.Server.Api;

/// <summary>A known quirk of a catalog model: who wrote it (an API key, or <c>Iskra</c> for a firmware seen untested, then with that <c>firmware</c>), when, and the text.</summary>
public sealed record CatalogQuirkView(long Id, string Author, DateTimeOffset At, string Text, string? Firmware);
