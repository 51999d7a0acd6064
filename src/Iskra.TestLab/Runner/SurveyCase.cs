namespace Iskra.TestLab.Runner;

/// <summary>
/// The step before the cases: what the station reports of itself (its configuration keys, boot fields)
/// against what was declared. Each difference is a finding, reported like a case's.
/// </summary>
public sealed class SurveyCase : LabCase
{
    public static readonly SurveyCase Instance = new();

    public override CaseInfo Info { get; } = new("SURVEY", "Declared and observed capabilities", "Core", "OCPP 1.6 §9.1 (SupportedFeatureProfiles, NumberOfConnectors)");

    public override string? NotApplicableTo(Declared model) => null;

    public override Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return Task.CompletedTask; // the suite's SurveyAsync does the work
    }
}
