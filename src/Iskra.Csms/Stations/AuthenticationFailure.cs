namespace Iskra.Csms.Stations;

/// <summary>The payload of a <see cref="AdmissionGuard.FailedAuthentication"/> security event: where the failure came from and why.</summary>
public sealed record AuthenticationFailure(string? Address, string Reason);
