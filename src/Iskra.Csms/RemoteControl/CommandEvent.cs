namespace Iskra.Csms.RemoteControl;

/// <summary>The body of the <c>command.sent</c> and <c>command.answered</c> events.</summary>
public sealed record CommandEvent(string Command, string Action, string Actor, string? Outcome);
