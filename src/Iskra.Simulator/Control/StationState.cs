using Iskra.Ocpp;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.Control;

/// <summary>A station as the control API shows it: identity, link, registration, firmware, connectors and faults.</summary>
public sealed record StationState(
    string Id,
    string Version,
    bool Running,
    bool Connected,
    bool Online,
    string? Registration,
    bool Powered,
    string FirmwareVersion,
    string FirmwareStatus,
    int Connections,
    int QueuedTransactionMessages,
    IReadOnlyList<ConnectorState> Connectors,
    IReadOnlyList<string> Faults)
{
    /// <summary>A consistent snapshot, read under the station's lock.</summary>
    public static Task<StationState> ReadAsync(SimStation station)
    {
        ArgumentNullException.ThrowIfNull(station);
        return station.LockedAsync(() => new StationState(
            station.Id,
            station.Version == OcppVersion.V201 ? "2.0.1" : "1.6",
            station.IsRunning,
            station.IsConnected,
            station.IsOnline,
            station.Registration,
            station.IsPowered,
            station.FirmwareVersion,
            station.FirmwareStatus,
            station.Connections,
            station.QueuedTransactionMessages,
            [.. station.Connectors.Select(ConnectorState.From)],
            [.. station.Faults.Active.Select(f => f.ToString())]));
    }
}
