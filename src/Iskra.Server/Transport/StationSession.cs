using Iskra.Csms.Routing;
using Iskra.Ocpp.Rpc;

namespace Iskra.Server.Transport;

/// <summary>One live, admitted station connection: what the CSMS knows of it and its channel. Compared by identity.</summary>
public sealed class StationSession(StationConnection connection, RpcChannel channel, DateTimeOffset connectedAt)
{
    public StationConnection Connection { get; } = connection;

    public RpcChannel Channel { get; } = channel;

    /// <summary>The typed outbound path to the station over <see cref="Channel"/>.</summary>
    public IStationChannel Outbound { get; } = new StationChannel(connection.StationId, channel);

    public DateTimeOffset ConnectedAt { get; } = connectedAt;

    public string StationId => Connection.StationId;
}
