namespace Iskra.Csms.Events;

/// <summary>
/// What a resuming subscriber missed: the kept events after its last id (already filtered by its
/// station), and <see cref="Complete"/> false when some events after that id are no longer kept
/// (the id is older than the replay buffer, or not one of this process).
/// </summary>
public sealed record EventReplay(IReadOnlyList<CsmsEvent> Events, bool Complete, long OldestKept);
