namespace Iskra.Server.Api;

/// <summary>A new key: <see cref="Key"/> is shown this once.</summary>
public sealed record CreatedApiKey(string Id, string Name, string Role, string Key);
