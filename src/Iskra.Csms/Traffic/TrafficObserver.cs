using System.Text;
using Iskra.Csms.Integration.Passive;
using Iskra.Csms.Routing;
using Iskra.Csms.Security;
using Iskra.Csms.Storage;
using Iskra.Csms.Telemetry;
using Iskra.Ocpp.Rpc;
using Microsoft.Extensions.Logging;

namespace Iskra.Csms.Traffic;

/// <summary>
/// Logs every frame of one station's connection, in and out, through the storage writer, and counts it in
/// the connection's meter. A frame that may carry a write-only secret (<see cref="SecretFrames"/>) is logged
/// with its values redacted (1.6 security whitepaper A01.FR.09); every other frame is logged verbatim.
/// While the station is claimed (<see cref="StationClaims"/>), the claim sees every frame too, as its evidence;
/// otherwise the connection's passive checks (<see cref="StationWatch"/>) see them.
/// </summary>
public sealed partial class TrafficObserver(string stationId, StorageWriter writer, TimeProvider time, ILogger logger, ConnectionMeter? meter = null, StationClaims? claims = null, StationWatch? watch = null) : IRpcObserver
{
    private readonly SecretFrames _secrets = new();

    public void OnFrame(RpcFrameDirection direction, ReadOnlySpan<byte> utf8Frame)
    {
        if (claims?.Find(stationId) is { } claim)
        {
            claim.OnFrame(direction, utf8Frame);
        }
        else
        {
            watch?.OnFrame(direction, utf8Frame);
        }

        var incoming = direction == RpcFrameDirection.Incoming;
        meter?.OnFrame(incoming, utf8Frame);
        if (writer.IsOverloaded)
        {
            writer.DropTraffic(); // shed: not even the string is built
            return;
        }

        var frame = Encoding.UTF8.GetString(utf8Frame);
        var entry = new TrafficEntry
        {
            StationId = stationId,
            Timestamp = time.GetUtcNow(),
            Incoming = incoming,
            Frame = _secrets.MayCarrySecret(incoming, utf8Frame) ? SecretRedactor.RedactFrame(frame) : frame,
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
