namespace Iskra.Csms.RemoteControl;

/// <summary>One problem with a command body: the field (a JSON path) and what is wrong with it.</summary>
public sealed record CommandViolation(string Path, string Message);
