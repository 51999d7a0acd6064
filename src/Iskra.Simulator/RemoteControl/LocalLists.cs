using Iskra.Simulator.Authorization;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.RemoteControl;

/// <summary>
/// SendLocalList and GetLocalListVersion, version-neutral (1.6 §5.10/§5.15, 2.0.1 D01/D02). The list
/// is then used by <see cref="SimStation.AuthorizeAsync"/>: LocalPreAuthorize online, LocalAuthorizeOffline offline.
/// </summary>
internal static class LocalLists
{
    /// <summary>
    /// Applies a Full or Differential update. A null entry removes its id tag (1.6 §5.15: no idTagInfo;
    /// 2.0.1 D01: no idTokenInfo).
    /// </summary>
    public static LocalListOutcome Apply(SimStation station, int version, bool full, IReadOnlyList<(string IdTag, IdTagEntry? Entry)> entries)
    {
        var configuration = station.Configuration;
        if (!configuration.GetBool("LocalAuthListEnabled", true))
        {
            return LocalListOutcome.Disabled;
        }

        if (entries.Count > configuration.GetInt("SendLocalListMaxLength", int.MaxValue))
        {
            return LocalListOutcome.Failed;
        }

        var authorization = station.Authorization;

        // 1.6 §5.15 VersionMismatch, 2.0.1 D01: a differential update must be newer than the list.
        if (!full && version <= authorization.ListVersion)
        {
            return LocalListOutcome.VersionMismatch;
        }

        var tags = full ? new HashSet<string>(StringComparer.Ordinal) : [.. authorization.List.Select(e => e.IdTag)];
        foreach (var (idTag, entry) in entries)
        {
            if (entry is null)
            {
                tags.Remove(idTag);
            }
            else
            {
                tags.Add(idTag);
            }
        }

        // 1.6 §9.3 LocalAuthListMaxLength / 2.0.1 LocalAuthListCtrlr.Entries: the list would not fit.
        if (tags.Count > configuration.GetInt("LocalAuthListMaxLength", int.MaxValue))
        {
            return LocalListOutcome.Failed;
        }

        authorization.Update(version, full, entries);
        station.Log.Note($"Local list {(full ? "replaced" : "updated")}: version {version}, {tags.Count} id tags.");
        return LocalListOutcome.Accepted;
    }

    /// <summary>The version to report: 0 when the list is empty (1.6 §5.10, 2.0.1 D02).</summary>
    public static int Version(SimStation station) =>
        station.Authorization.List.Count == 0 ? 0 : station.Authorization.ListVersion;
}
