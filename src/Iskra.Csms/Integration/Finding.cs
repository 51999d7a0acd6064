namespace Iskra.Csms.Integration;

/// <summary>
/// What a station does wrong, as a manufacturer's firmware engineer needs it: the requirement (a section
/// or requirement id of the document it comes from), what was expected, what the station did, the change
/// to make, and the frames that prove it. The lab's cases and the passive checks on live traffic both
/// produce findings, so that one report format covers a lab run and field traffic alike.
/// </summary>
public sealed record Finding(string Requirement, string Expected, string Observed, string Fix, IReadOnlyList<EvidenceFrame> Frames)
{
    /// <summary>The check that found it, stable across runs (e.g. <c>TC_003_CS/step-7</c> or <c>passive/register-backwards</c>).</summary>
    public string? Check { get; init; }
}
