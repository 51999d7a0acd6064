using Iskra.Ocpp;
using Iskra.Ocpp.Rpc;

namespace Iskra.Csms.Routing;

/// <summary>
/// The CSMS side of a station's connection lifecycle, called by the transport: open a connection
/// (handler and observer for its RpcChannel), then connected, then disconnected.
/// </summary>
public interface IStationConnectionHandler
{
    StationConnection Open(string stationId, OcppVersion version, string? remoteAddress);

    /// <summary>The WebSocket is up and its channel runs; the station is now reachable through it.</summary>
    ValueTask OnConnectedAsync(StationConnection connection, RpcChannel channel, CancellationToken cancellationToken);

    /// <summary>The connection ended (closed, dropped, or replaced by a newer one).</summary>
    ValueTask OnDisconnectedAsync(StationConnection connection, CancellationToken cancellationToken);
}
