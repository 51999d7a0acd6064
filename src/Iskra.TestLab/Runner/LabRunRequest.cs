namespace Iskra.TestLab.Runner;

/// <summary>What starts a run: the station, the suite (default: the station's OCPP version), the declaration, and a simulator to perform manual steps.</summary>
public sealed record LabRunRequest(string StationId, string? Suite, Declared? Declared, string? SimulatorControlUrl)
{
    /// <summary>Only these case ids (e.g. to re-run what failed); null: the whole suite.</summary>
    public IReadOnlyList<string>? Cases { get; init; }
}
