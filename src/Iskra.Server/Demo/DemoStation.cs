using Iskra.Ocpp;
using Iskra.Simulator.Model;

namespace Iskra.Server.Demo;

/// <summary>One station of the demo: its id, OCPP version and connectors.</summary>
public sealed record DemoStation(string Id, OcppVersion Version, string Description, IReadOnlyList<ConnectorOptions> Connectors)
{
    /// <summary>The demo's stations: two 1.6 and two 2.0.1, one of them a DC fast charger.</summary>
    public static IReadOnlyList<DemoStation> All { get; } =
    [
        new("DEMO-AC-1", OcppVersion.V16, "Demo: 1.6 AC, two 22 kW connectors", [ConnectorOptions.Ac22kW, ConnectorOptions.Ac22kW]),
        new("DEMO-AC-2", OcppVersion.V16, "Demo: 1.6 AC wallbox, one 11 kW connector", [ConnectorOptions.Ac11kW]),
        new("DEMO-AC-3", OcppVersion.V201, "Demo: 2.0.1 AC, two 22 kW EVSEs", [ConnectorOptions.Ac22kW, ConnectorOptions.Ac22kW]),
        new("DEMO-DC-1", OcppVersion.V201, "Demo: 2.0.1 DC fast charger, two 50 kW EVSEs", [ConnectorOptions.Dc50kW, ConnectorOptions.Dc50kW]),
    ];

    /// <summary>The cards the demo's drivers present; they are in the id-tag list, Accepted.</summary>
    public static IReadOnlyList<string> Cards { get; } = ["DEMO-CARD-1", "DEMO-CARD-2", "DEMO-CARD-3", "DEMO-CARD-4", "DEMO-CARD-5"];
}
