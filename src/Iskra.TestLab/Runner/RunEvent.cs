namespace Iskra.TestLab.Runner;

/// <summary>The <c>testlab.run</c> event: a run's progress (status, counts, the prompt waiting).</summary>
public sealed record RunEvent(string RunId, string Status, SummaryView Summary, PromptView? Prompt);
