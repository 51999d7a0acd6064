namespace Iskra.Csms.History;

/// <summary>
/// A piece of a connector's period in which nothing changed: its own reported status (<see cref="StatusTimeline.Unknown"/>
/// before its first one), the station-wide status (1.6 connector 0; null when none), and whether the station was offline.
/// </summary>
public readonly record struct StatusSegment(TimeRange Range, string Status, string? StationStatus, bool Offline);
