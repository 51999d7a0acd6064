namespace Iskra.Csms.Authorization;

/// <summary>The answer for an id tag: 1.6 IdTagInfo, 2.0.1 IdTokenInfoType.</summary>
public readonly record struct AuthorizationResult(IdTagStatus Status, DateTimeOffset? ExpiryDate, string? ParentIdTag)
{
    public static AuthorizationResult Unknown => new(IdTagStatus.Invalid, null, null);

    /// <summary>Whether the tag is known to Iskra at all (unknown tags answer Invalid and are flagged).</summary>
    public bool Known { get; init; }
}
