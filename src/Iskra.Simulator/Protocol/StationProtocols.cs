using Iskra.Ocpp;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.Protocol;

/// <summary>The protocol of a station's version.</summary>
internal static class StationProtocols
{
    public static StationProtocol Create(SimStation station) =>
        station.Version == OcppVersion.V16 ? new V16.V16Protocol(station) : new V201.V201Protocol(station);
}
