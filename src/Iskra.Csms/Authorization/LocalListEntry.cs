namespace Iskra.Csms.Authorization;

/// <summary>One entry of a Local Authorization List in 1.6 terms (AuthorizationData); no <see cref="IdTagInfo"/> in a Differential update removes the tag.</summary>
public sealed record LocalListEntry(string IdTag, LocalIdTagInfo? IdTagInfo);
