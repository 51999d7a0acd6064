using System.Collections.Concurrent;
using System.Text.Json;
using Iskra.Csms.Routing;
using Iskra.Ocpp;
using Iskra.Ocpp.Rpc;

namespace Iskra.Server.Tests.Transport;

/// <summary>Stands for the CSMS side of connections: answers every CALL with its action and payload, records the lifecycle.</summary>
internal sealed class FakeConnections : IStationConnectionHandler
{
    public ConcurrentQueue<string> Events { get; } = new();

    public ConcurrentQueue<OcppVersion> Versions { get; } = new();

    public StationConnection Open(string stationId, OcppVersion version, string? remoteAddress)
    {
        Events.Enqueue($"open {stationId}");
        Versions.Enqueue(version);
        return new StationConnection(stationId, version, remoteAddress, new EchoHandler(), observer: null);
    }

    public ValueTask OnConnectedAsync(StationConnection connection, RpcChannel channel, StationConnection? replaced, CancellationToken cancellationToken)
    {
        Events.Enqueue($"connected {connection.StationId}");
        return ValueTask.CompletedTask;
    }

    public ValueTask OnDisconnectedAsync(StationConnection connection, CancellationToken cancellationToken)
    {
        Events.Enqueue($"disconnected {connection.StationId}");
        return ValueTask.CompletedTask;
    }

    private sealed class EchoHandler : IRpcCallHandler
    {
        public ValueTask<RpcReply> HandleAsync(RpcCall request, CancellationToken cancellationToken) =>
            ValueTask.FromResult(RpcReply.Result(JsonSerializer.SerializeToElement(new Dictionary<string, object>
            {
                ["action"] = request.Action,
                ["payload"] = request.Payload,
            })));
    }
}
