using System.Text.Json;
using System.Text.Json.Nodes;
using Iskra.Simulator.Faults;

namespace Iskra.Simulator.Stations;

/// <summary>
/// The last step before a payload goes on the wire: the station's faults that bend messages are
/// applied here (<see cref="FaultMutations"/>), then the payload becomes the JSON the channel sends.
/// </summary>
internal sealed class StationWire(SimStation station)
{
    public JsonElement Outgoing(string action, JsonObject payload)
    {
        FaultMutations.Apply(station, action, payload);
        using var document = JsonDocument.Parse(payload.ToJsonString());
        return document.RootElement.Clone();
    }
}
