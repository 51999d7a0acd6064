using System.Text.Json.Nodes;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.Faults;

/// <summary>The faults that bend an outgoing payload, applied just before it is sent.</summary>
internal static class FaultMutations
{
    public static void Apply(SimStation station, string action, JsonObject payload)
    {
        _ = station;
        _ = action;
        _ = payload;
    }
}
