using System.Text.Json.Nodes;

namespace Iskra.Csms.RemoteControl;

/// <summary>
/// What a command becomes on one station: the OCPP action and its payload. <see cref="State"/>
/// carries what the command's apply step needs from the build step (an allocated id, say).
/// </summary>
public sealed record CommandCall(string Action, JsonObject Payload, object? State = null)
{
    /// <summary>Ids allocated for this command, returned to the API client beside the station's answer.</summary>
    public CommandIds? Ids { get; init; }
}
