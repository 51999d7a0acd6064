namespace Iskra.TestLab.Runner;

/// <summary>
/// The operator's policy for "ready for integration": every applicable case of each required profile
/// (by default Core) passed — none failed, skipped or left pending — and the survey passed.
/// </summary>
public static class Readiness
{
    public static (bool Ready, string Why) Of(RunView view, IReadOnlyList<string> requiredProfiles)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(requiredProfiles);
        var problems = new List<string>();
        foreach (var profile in requiredProfiles)
        {
            var cases = view.Cases.Where(c => string.Equals(Declared.Normalize(c.Profile), Declared.Normalize(profile), StringComparison.OrdinalIgnoreCase)).ToList();
            var open = cases.Where(c => c.Verdict is Verdicts.Failed or Verdicts.Skipped or Verdicts.Pending).ToList();
            if (cases.All(c => c.Verdict == Verdicts.NotApplicable))
            {
                problems.Add($"no {profile} case ran");
            }
            else if (open.Count > 0)
            {
                problems.Add($"{profile}: {string.Join(", ", open.Select(c => $"{c.Id} {c.Verdict}"))}");
            }
        }

        return problems.Count == 0
            ? (true, $"every applicable case of {string.Join(", ", requiredProfiles)} passed")
            : (false, "not ready: " + string.Join("; ", problems));
    }
}
