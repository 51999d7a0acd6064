using System.Text;
using Iskra.Csms.Storage;
using Iskra.Csms.Telemetry;
using Iskra.Ocpp.Rpc;
using Microsoft.Extensions.Logging;

namespace Iskra.Csms.Traffic;

/// <summary>Logs every frame of one station's connection, in and out, through the storage writer, and counts it in the connection's meter.</summary>
public sealed partial class TrafficObserver(string stationId, StorageWriter writer, TimeProvider time, ILogger logger, ConnectionMeter? meter = null) : IRpcObserver
{
    public void OnFrame(RpcFrameDirection direction, ReadOnlySpan<byte> utf8Frame)
    {
        meter?.OnFrame(direction == RpcFrameDirection.Incoming, utf8Frame);
        var entry = new TrafficEntry
        {
            StationId = stationId,
            Timestamp = time.GetUtcNow(),
            Incoming = direction == RpcFrameDirection.Incoming,
            Frame = Encoding.UTF8.GetString(utf8Frame),
        };
        writer.Log(entry);
    }

    public void OnProtocolProblem(string description) => LogProblem(logger, stationId, description);

    public void OnHandlerFailed(RpcCall request, Exception exception) => LogHandlerFailed(logger, stationId, request.Action, exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Station {StationId}: {Description}")]
    private static partial void LogProblem(ILogger logger, string stationId, string description);

    [LoggerMessage(Level = LogLevel.Error, Message = "Station {StationId}: handling {Action} failed")]
    private static partial void LogHandlerFailed(ILogger logger, string stationId, string action, Exception exception);
}
