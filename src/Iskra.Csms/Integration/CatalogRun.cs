namespace Iskra.Csms.Integration;

/// <summary>One lab run of a catalog model (its report is the lab's run of that id): the firmware and version tested, and the verdict under the policy of the time.</summary>
public sealed class CatalogRun
{
    public const int RunIdLength = 64;

    public long Id { get; set; }

    public long ModelId { get; set; }

    /// <summary>The lab's run id: the report is <c>/api/testlab/runs/{runId}/report</c>.</summary>
    public required string RunId { get; set; }

    public required string StationId { get; set; }

    /// <summary>The firmware version the station gave; null when it gave none.</summary>
    public string? FirmwareVersion { get; set; }

    /// <summary><c>1.6</c> or <c>2.0.1</c>.</summary>
    public required string OcppVersion { get; set; }

    public DateTimeOffset FinishedAt { get; set; }

    /// <summary>True when the run passed every feature profile the policy required when it was recorded.</summary>
    public bool Passed { get; set; }

    public List<CatalogRunProfile> Profiles { get; set; } = [];
}
