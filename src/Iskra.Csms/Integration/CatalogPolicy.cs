namespace Iskra.Csms.Integration;

/// <summary>The rule that makes a model integrated: one run that passed every applicable case of each required profile.</summary>
public static class CatalogPolicy
{
    /// <summary>True when <paramref name="profiles"/> pass every profile in <paramref name="required"/> (a profile absent from the run fails).</summary>
    public static bool Passes(IReadOnlyList<FeatureProfileResult> profiles, IReadOnlyList<string> required)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(required);
        return required.All(name =>
        {
            var results = profiles.Where(p => string.Equals(p.Profile.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
            return results.Count > 0 && results.All(p => p.Failed == 0 && p.Skipped == 0) && results.Sum(p => p.Passed) > 0;
        });
    }

    /// <summary>
    /// The profiles a model passes: those whose latest run with an applicable case (by finish time) passed every
    /// applicable case of it. Sorted by name.
    /// </summary>
    public static IReadOnlyList<string> ProfilesPassed(CatalogModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return [.. model.Runs
            .OrderBy(r => r.FinishedAt).ThenBy(r => r.Id)
            .SelectMany(r => r.Profiles.Where(p => p.Passed + p.Failed + p.Skipped > 0)
                .Select(p => new FeatureProfileResult(p.Profile, p.Passed, p.Failed, p.Skipped, p.NotApplicable)))
            .GroupBy(p => p.Profile, StringComparer.OrdinalIgnoreCase)
            .Where(g => Passes([g.Last()], [g.Key]))
            .Select(g => g.Last().Profile)
            .Order(StringComparer.Ordinal)];
    }
}
