namespace Iskra.Csms.Authorization;

/// <summary>
/// A station's Local Authorization List as Iskra knows it (1.6 §5.15, 2.0.1 D01): the version and
/// content of the last update the station accepted, and the version the station last reported.
/// </summary>
public sealed class LocalList
{
    public required string StationId { get; set; }

    /// <summary>The version of the last SendLocalList the station accepted.</summary>
    public int? ListVersion { get; set; }

    /// <summary>The list after that update, as JSON: <c>[{idTag, idTagInfo?: {status, expiryDate?, parentIdTag?}}]</c>.</summary>
    public string Entries { get; set; } = "[]";

    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>The version the station gave in its last GetLocalListVersion answer.</summary>
    public int? ReportedVersion { get; set; }

    public DateTimeOffset? ReportedAt { get; set; }
}
