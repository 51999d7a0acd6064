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
    /// The profiles a model has passed: those with a run that passed every applicable case of them. A later failing
    /// run (of another firmware, say) does not take a profile away, as it does not lower the model's status; its
    /// firmware shows as failed instead. Sorted by name.
    /// </summary>
    public static IReadOnlyList<string> ProfilesPassed(CatalogModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return [.. model.Runs
            .SelectMany(r => r.Profiles.Select(p => new FeatureProfileResult(p.Profile, p.Passed, p.Failed, p.Skipped, p.NotApplicable)))
            .Where(p => Passes([p], [p.Profile]))
            .Select(p => p.Profile)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)];
    }
}
