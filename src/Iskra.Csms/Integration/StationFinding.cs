using System.Text.Json;

namespace Iskra.Csms.Integration;

/// <summary>
/// A finding of the passive checks on one station's live traffic (<c>station_findings</c>), one row per
/// station and check: first and last seen, how often, and the latest evidence. The station's vendor and
/// model (from its BootNotification) are copied so that findings can be read per model.
/// </summary>
public sealed class StationFinding
{
    public long Id { get; set; }

    public required string StationId { get; set; }

    public string? Vendor { get; set; }

    public string? Model { get; set; }

    /// <summary>The check's stable id, e.g. <c>passive/register-backwards</c>.</summary>
    public required string Check { get; set; }

    public required string Requirement { get; set; }

    public required string Expected { get; set; }

    public required string Observed { get; set; }

    public required string Fix { get; set; }

    public DateTimeOffset FirstSeen { get; set; }

    public DateTimeOffset LastSeen { get; set; }

    public long Count { get; set; }

    /// <summary>The frames that prove it, as a JSON array of <see cref="EvidenceFrame"/> (secrets redacted).</summary>
    public required string Frames { get; set; }

    /// <summary>The evidence frames of <see cref="Frames"/>; none when the column cannot be read.</summary>
    public IReadOnlyList<EvidenceFrame> Evidence()
    {
        try
        {
            return JsonSerializer.Deserialize(Frames, CsmsJsonContext.Default.EvidenceFrameArray) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
