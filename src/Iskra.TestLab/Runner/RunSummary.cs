namespace Iskra.TestLab.Runner;

/// <summary>Counts verdicts, for the whole run and per feature profile.</summary>
public static class RunSummary
{
    public static SummaryView Of(IReadOnlyCollection<CaseView> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        return new SummaryView(Count(cases, Verdicts.Passed), Count(cases, Verdicts.Failed), Count(cases, Verdicts.Skipped), Count(cases, Verdicts.NotApplicable), Count(cases, Verdicts.Pending));
    }

    public static IReadOnlyList<ProfileView> ByProfile(IReadOnlyCollection<CaseView> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        return [.. cases.GroupBy(c => c.Profile, StringComparer.Ordinal).Select(g =>
        {
            var list = g.ToList();
            return new ProfileView(g.Key, Count(list, Verdicts.Passed), Count(list, Verdicts.Failed), Count(list, Verdicts.Skipped), Count(list, Verdicts.NotApplicable), Count(list, Verdicts.Pending));
        })];
    }

    private static int Count(IEnumerable<CaseView> cases, string verdict) => cases.Count(c => c.Verdict == verdict);
}
