namespace Iskra.Csms.Authorization;

/// <summary>An authorization identifier (1.6 idTag, 2.0.1 idToken) with its status.</summary>
public sealed class IdTag
{
    /// <summary>The identifier itself (1.6 CiString20, 2.0.1 idToken up to 36 characters).</summary>
    public required string Value { get; set; }

    /// <summary>2.0.1 IdTokenEnumType (ISO14443, ISO15693, eMAID, Central, KeyCode, Local, MacAddress, NoAuthorization); null matches any.</summary>
    public string? Type { get; set; }

    public IdTagStatus Status { get; set; } = IdTagStatus.Accepted;

    public DateTimeOffset? ExpiryDate { get; set; }

    /// <summary>The group: 1.6 parentIdTag, 2.0.1 groupIdToken.</summary>
    public string? ParentIdTag { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
