namespace Iskra.TestLab.Runner;

/// <summary>
/// A test case as its document names it: the id (<c>TC_003_CS</c>), title, feature profile, the
/// document section it comes from (the requirement a finding cites when the case names no finer one),
/// and whether it needs a person at the station.
/// </summary>
public sealed record CaseInfo(string Id, string Title, string Profile, string Section)
{
    /// <summary>The requirements the case checks, e.g. <c>OCPP 1.6 §4.2</c>.</summary>
    public IReadOnlyList<string> Requirements { get; init; } = [];
}
