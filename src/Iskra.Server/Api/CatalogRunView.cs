using Iskra.Csms.Integration;

namespace Iskra.Server.Api;

/// <summary>A lab run of a catalog model: the station, firmware and OCPP version tested, the verdict under the policy, the report's URL and the case counts per feature profile.</summary>
public sealed record CatalogRunView(
    string RunId,
    string StationId,
    string? FirmwareVersion,
    string OcppVersion,
    DateTimeOffset FinishedAt,
    string Verdict,
    string Report,
    IReadOnlyList<FeatureProfileResult> Profiles)
{
    public static CatalogRunView From(CatalogRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new(
            run.RunId, run.StationId, run.FirmwareVersion, run.OcppVersion, run.FinishedAt, run.Passed ? "passed" : "failed",
            $"/api/testlab/runs/{Uri.EscapeDataString(run.RunId)}/report",
            [.. run.Profiles.OrderBy(p => p.Id).Select(p => new FeatureProfileResult(p.Profile, p.Passed, p.Failed, p.Skipped, p.NotApplicable))]);
    }
}
