namespace Iskra.Csms.Routing;

/// <summary>The record of a station's connection replaced by a newer authenticated one.</summary>
public sealed record ConnectionReplaced(string? PreviousAddress, string? Address)
{
    /// <summary>The notice action under which Iskra records the event.</summary>
    public const string Action = "ConnectionReplaced";
}
