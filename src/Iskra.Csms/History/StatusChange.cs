namespace Iskra.Csms.History;

/// <summary>A connector's status from <see cref="At"/> on (one StatusNotification, at the station's timestamp).</summary>
public readonly record struct StatusChange(DateTimeOffset At, string Status);
