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

    /// <summary>Back-pressure every connection's channel waits on before reading a frame; null: none.</summary>
    IReceiveGate? ReceiveGate => null;

    /// <summary>
    /// The WebSocket is up and its channel runs; the station is now reachable through it.
    /// <paramref name="replaced"/> is the connection it took over from, if any (SPEC §2.1: a security event).
    /// </summary>
    ValueTask OnConnectedAsync(StationConnection connection, RpcChannel channel, StationConnection? replaced, CancellationToken cancellationToken);

    /// <summary>The connection ended (closed, dropped, or replaced by a newer one).</summary>
    ValueTask OnDisconnectedAsync(StationConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// An authenticated connection was refused because the station's connection was replaced too often
    /// in a short time; called once per throttling window, for an alarm.
    /// </summary>
    ValueTask OnReplacementThrottledAsync(string stationId, string? remoteAddress, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
