using System.Text.Json;

namespace Iskra.Csms.RemoteControl;

/// <summary>A command the station answered: its status (e.g. <c>Accepted</c>), its raw CALLRESULT payload, and the ids Iskra allocated for it.</summary>
public sealed record CommandOutcome(string Status, JsonElement Response, CommandIds? Ids = null);
