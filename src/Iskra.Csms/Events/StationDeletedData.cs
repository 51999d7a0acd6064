namespace Iskra.Csms.Events;

/// <summary>The body of <c>station.deleted</c>: whether its live connection was closed by the deletion.</summary>
public sealed record StationDeletedData(bool WasConnected);
