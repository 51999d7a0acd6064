namespace Iskra.TestLab.Runner;

/// <summary>
/// One test case as code, shaped like its table in the document: what it is (<see cref="Info"/>),
/// when it applies to a model (<see cref="NotApplicableTo"/>), and its steps (<see cref="RunAsync"/>),
/// written with the <see cref="CaseContext"/>'s verbs and the reusable states of <c>States/</c>.
/// </summary>
public abstract class LabCase
{
    public abstract CaseInfo Info { get; }

    /// <summary>Why the case does not apply to the declared model, or null when it applies.</summary>
    public virtual string? NotApplicableTo(Declared model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Supports(Info.Profile) ? null : $"the model does not declare the {Info.Profile} feature profile";
    }

    /// <summary>Runs the steps; failed checks become findings on <paramref name="t"/>.</summary>
    public abstract Task RunAsync(CaseContext t);
}
