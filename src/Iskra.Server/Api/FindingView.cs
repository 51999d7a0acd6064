using System.Text.Json;
using Iskra.Csms.Integration;

namespace Iskra.Server.Api;

/// <summary>A passive finding on a station: the check, what the station should do and did, the fix, when and how often, and the frames that prove it.</summary>
public sealed record FindingView(
    long Id, string StationId, string? Vendor, string? Model, string Check, string Requirement, string Expected, string Observed, string Fix,
    DateTimeOffset FirstSeen, DateTimeOffset LastSeen, long Count, IReadOnlyList<EvidenceFrame> Frames)
{
    public static FindingView From(StationFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        EvidenceFrame[] frames;
        try
        {
            frames = JsonSerializer.Deserialize(finding.Frames, ApiJsonContext.Default.EvidenceFrameArray) ?? [];
        }
        catch (JsonException)
        {
            frames = [];
        }

        return new(finding.Id, finding.StationId, finding.Vendor, finding.Model, finding.Check, finding.Requirement, finding.Expected, finding.Observed, finding.Fix,
            finding.FirstSeen, finding.LastSeen, finding.Count, frames);
    }
}
