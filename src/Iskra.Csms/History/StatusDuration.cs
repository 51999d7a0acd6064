namespace Iskra.Csms.History;

/// <summary>How long a connector was in one status within a period.</summary>
public readonly record struct StatusDuration(string Status, TimeSpan Duration);
