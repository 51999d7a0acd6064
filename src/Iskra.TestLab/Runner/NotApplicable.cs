namespace Iskra.TestLab.Runner;

/// <summary>A document case the suite does not run, with its title, profile and the reason.</summary>
public sealed record NotApplicable(string Title, string Profile, string Reason);
