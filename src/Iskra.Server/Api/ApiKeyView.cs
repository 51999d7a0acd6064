using Iskra.Csms.Access;

namespace Iskra.Server.Api;

/// <summary>An API key as lists show it: never the key itself.</summary>
public sealed record ApiKeyView(string Id, string Name, string Role, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public static ApiKeyView From(ApiKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new(key.Id, key.Name, key.Role.ToString().ToLowerInvariant(), key.CreatedAt, key.RevokedAt);
    }
}
