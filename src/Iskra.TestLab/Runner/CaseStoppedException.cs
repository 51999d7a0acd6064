namespace Iskra.TestLab.Runner;

/// <summary>
/// Ends a case early: after a finding that the remaining steps depend on (<see cref="Skipped"/> false),
/// or because a manual step was answered "cannot do" / "skip case" (<see cref="Skipped"/> true).
/// </summary>
public sealed class CaseStoppedException(string reason, bool skipped) : Exception(reason)
{
    public bool Skipped { get; } = skipped;
}
