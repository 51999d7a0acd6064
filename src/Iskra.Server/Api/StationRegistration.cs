namespace Iskra.Server.Api;

/// <summary>
/// The body of <c>POST /api/stations</c>: a new station's id (the OCPP endpoint's rules), its security
/// profile (default 1) and, for profiles 1 and 2, a password (16 to 40 characters; generated when absent).
/// </summary>
public sealed record StationRegistration(string Id, int? SecurityProfile, string? Password, string? Description);
