namespace Iskra.Server.Api.Alarms;

/// <summary>The body of an acknowledgement or a note: the operator's free text (optional on acknowledge).</summary>
public sealed record AlarmNote(string? Note);
