using System.Text.Json;

namespace Iskra.Server.Api;

/// <summary>SPEC §2.2: a command answers <c>{"status": the station's status, "response": its raw reply}</c>.</summary>
public sealed record CommandResponse(string Status, JsonElement Response);
