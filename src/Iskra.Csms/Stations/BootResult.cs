namespace Iskra.Csms.Stations;

/// <summary>The answer to a BootNotification: the registration status, the CSMS clock and the heartbeat interval.</summary>
public readonly record struct BootResult(RegistrationState Status, DateTimeOffset CurrentTime, int IntervalSeconds);
