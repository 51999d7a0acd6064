namespace Iskra.TestLab.Runner;

/// <summary>A person's answer to a manual step.</summary>
public enum PromptAnswer
{
    /// <summary>The act is done.</summary>
    Done,

    /// <summary>The act cannot be done on this station: the case is skipped with that reason.</summary>
    Cannot,

    /// <summary>Skip the case.</summary>
    Skip,
}
