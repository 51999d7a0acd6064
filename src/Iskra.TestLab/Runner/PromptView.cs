namespace Iskra.TestLab.Runner;

/// <summary>The manual step a run waits for, as the API shows it: answer with done, cannot or skip.</summary>
public sealed record PromptView(string CaseId, string Kind, string Instruction, int? Connector, string? IdTag, DateTimeOffset AskedAt, DateTimeOffset ExpiresAt);
