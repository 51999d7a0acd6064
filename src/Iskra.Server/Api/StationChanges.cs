namespace Iskra.Server.Api;

/// <summary>
/// The body of <c>PATCH /api/stations/{id}</c>: only the fields present change. <c>password</c> is a new
/// password or <c>"generate"</c>; <c>registrationStatus</c> is Accepted, Pending or Rejected.
/// </summary>
public sealed record StationChanges(string? Description, int? SecurityProfile, string? Password, string? RegistrationStatus);
