namespace Iskra.Csms.Authorization;

/// <summary>The 1.6 IdTagInfo of a local list entry (2.0.1 IdTokenInfo: status, cacheExpiryDateTime, groupIdToken).</summary>
public sealed record LocalIdTagInfo(string Status, DateTimeOffset? ExpiryDate, string? ParentIdTag);
