namespace Iskra.Server.Api;

/// <summary>
/// The body of a reset: the id the client resumed from, and the oldest id still kept (events after
/// <see cref="LastEventId"/> and before <see cref="OldestKeptId"/> are lost to it).
/// </summary>
public sealed record ResetData(long LastEventId, long OldestKeptId);
