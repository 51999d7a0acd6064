namespace Iskra.Csms.Events;

/// <summary>
/// The body of <c>station.registered</c> and <c>station.updated</c>: the station's settings as stored.
/// <see cref="Changed"/> names the fields an edit changed (<c>password</c> among them, never its value);
/// empty for a registration.
/// </summary>
public sealed record StationData(IReadOnlyList<string> Changed, string? Description, int SecurityProfile, string RegistrationStatus, bool HasPassword);
