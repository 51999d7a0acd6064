namespace Iskra.Csms.Events;

/// <summary>The body of <c>station.connected</c> and <c>station.disconnected</c>: the connection's OCPP version and the station's address.</summary>
public sealed record StationConnectionData(string OcppVersion, string? RemoteAddress);
