namespace Iskra.Server.Api;

/// <summary>One status of a firmware update and when Iskra learned it.</summary>
public sealed record FirmwareStatusView(string Status, DateTimeOffset At);
