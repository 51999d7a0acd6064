using Iskra.Csms.Authorization;

namespace Iskra.Server.Api;

/// <summary>
/// A station's Local Authorization List: the version and entries of the last update it accepted, and
/// the version it last reported (GetLocalListVersion). Nulls where Iskra knows nothing yet.
/// </summary>
public sealed record LocalListView(
    string StationId, int? ListVersion, DateTimeOffset? UpdatedAt, int? ReportedVersion, DateTimeOffset? ReportedAt, IReadOnlyList<LocalListEntry> Entries);
