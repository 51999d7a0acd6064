using System.Text.Json;

namespace Iskra.Csms.RemoteControl;

/// <summary>A command the station answered: its status (e.g. <c>Accepted</c>) and its raw CALLRESULT payload.</summary>
public sealed record CommandOutcome(string Status, JsonElement Response);
