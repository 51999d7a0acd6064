using Iskra.Simulator.Stations;

namespace Iskra.Simulator.Control;

/// <summary>The control API, whole: one line per endpoint (docs/simulator.md describes each).</summary>
internal static class ControlRoutes
{
    public static IReadOnlyList<ControlRoute> All { get; } =
    [
        new("GET", "/faults", StationEndpoints.FaultsAsync),
        new("GET", "/stations", StationEndpoints.ListAsync),
        new("GET", "/stations/{id}", StationEndpoints.GetAsync),
        new("POST", "/stations/{id}/start", StationEndpoints.StartAsync),
        new("POST", "/stations/{id}/stop", StationEndpoints.StopAsync),
        new("GET", "/stations/{id}/log", StationEndpoints.LogAsync),
        new("POST", "/stations/{id}/power-cut", (r, ct) => StationEndpoints.ActAsync(r, s => s.PowerCutAsync())),
        new("POST", "/stations/{id}/power-restore", (r, ct) => StationEndpoints.ActAsync(r, s => s.PowerRestoreAsync())),
        new("POST", "/stations/{id}/network-down", (r, ct) => StationEndpoints.ActAsync(r, s => s.NetworkDownAsync())),
        new("POST", "/stations/{id}/network-up", (r, ct) => StationEndpoints.ActAsync(r, s => s.NetworkUpAsync())),
        new("GET", "/stations/{id}/faults", StationEndpoints.ActiveFaultsAsync),
        new("PUT", "/stations/{id}/faults/{fault}", (r, ct) => StationEndpoints.SwitchFaultAsync(r, true)),
        new("DELETE", "/stations/{id}/faults/{fault}", (r, ct) => StationEndpoints.SwitchFaultAsync(r, false)),
        new("POST", "/stations/{id}/connectors/{n}/plug", ConnectorEndpoints.PlugAsync),
        new("POST", "/stations/{id}/connectors/{n}/plug-halfway", (r, ct) => ConnectorEndpoints.ActAsync(r, (s, n) => CableLock.PlugHalfwayAsync(s, n))),
        new("POST", "/stations/{id}/connectors/{n}/jam-lock", (r, ct) => ConnectorEndpoints.ActAsync(r, (s, n) => CableLock.JamAsync(s, n))),
        new("POST", "/stations/{id}/connectors/{n}/free-lock", (r, ct) => ConnectorEndpoints.ActAsync(r, (s, n) => CableLock.FreeAsync(s, n))),
        new("POST", "/stations/{id}/connectors/{n}/unplug", (r, ct) => ConnectorEndpoints.ActAsync(r, (s, n) => s.UnplugAsync(n))),
        new("POST", "/stations/{id}/connectors/{n}/card", ConnectorEndpoints.CardAsync),
        new("POST", "/stations/{id}/connectors/{n}/suspend", (r, ct) => ConnectorEndpoints.ActAsync(r, (s, n) => s.SuspendEvAsync(n))),
        new("POST", "/stations/{id}/connectors/{n}/resume", (r, ct) => ConnectorEndpoints.ActAsync(r, (s, n) => s.ResumeEvAsync(n))),
        new("POST", "/stations/{id}/connectors/{n}/fault", ConnectorEndpoints.FaultAsync),
        new("POST", "/stations/{id}/connectors/{n}/clear-fault", (r, ct) => ConnectorEndpoints.ActAsync(r, (s, n) => s.ClearFaultAsync(n))),
    ];
}
