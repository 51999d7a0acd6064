using Iskra.Csms.Authorization;

namespace Iskra.Server.Api;

/// <summary>An authorization identifier: 1.6 idTag / 2.0.1 idToken (<see cref="Type"/> is the 2.0.1 IdTokenEnumType; null matches any).</summary>
public sealed record IdTagView(string IdTag, string Status, DateTimeOffset? ExpiryDate, string? ParentIdTag, string? Type)
{
    public static IdTagView From(IdTag tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        return new(tag.Value, tag.Status.ToString(), tag.ExpiryDate, tag.ParentIdTag, tag.Type);
    }
}
