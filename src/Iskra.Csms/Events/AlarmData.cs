namespace Iskra.Csms.Events;

/// <summary>The body of <c>alarm.raised</c>: the stored alarm.</summary>
public sealed record AlarmData(long Id, string Source, string Code, string? Message, int? EvseId, int? ConnectorId, DateTimeOffset RaisedAt);
