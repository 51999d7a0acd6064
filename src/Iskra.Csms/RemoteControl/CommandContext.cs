using Iskra.Csms.Access;
using Iskra.Ocpp;

namespace Iskra.Csms.RemoteControl;

/// <summary>The station a command goes to, on its live connection's version, and who sent it.</summary>
public sealed record CommandContext(string StationId, OcppVersion Version, ApiCaller Caller);
