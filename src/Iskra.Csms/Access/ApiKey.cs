namespace Iskra.Csms.Access;

/// <summary>
/// An operator API key. Only its SHA-256 hash is stored: a key is 32 random bytes, so a fast hash
/// is as strong as a slow one. <see cref="Id"/> is the key's public prefix, used to find the row.
/// </summary>
public sealed class ApiKey
{
    /// <summary>The first characters of the key after <c>isk_</c>; shown in lists, never enough to use the key.</summary>
    public required string Id { get; set; }

    public required string Name { get; set; }

    public ApiRole Role { get; set; }

    /// <summary>SHA-256 of the whole key, base64.</summary>
    public required string Hash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
