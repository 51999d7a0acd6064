namespace Iskra.Csms.Integration;

/// <summary>One OCPP-J frame as it crossed the connection: when, which way, and its text (write-only secrets redacted).</summary>
public sealed record EvidenceFrame(DateTimeOffset At, bool FromStation, string Frame);
