using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V201.Messages;
using Iskra.Simulator.Diagnostics;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V201;

/// <summary>
/// 2.0.1 N01 GetLog: Accepted with the file name (AcceptedCanceled when an upload was in
/// progress), then the log is uploaded to log.remoteLocation with LogStatusNotifications carrying the requestId.
/// </summary>
internal static class GetLogHandler
{
    public static ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        var request = Payloads.Read(call, V201JsonContext.Default.GetLogRequest);
        var logType = request.LogType == LogEnumType.SecurityLog ? "SecurityLog" : "DiagnosticsLog";
        var fileName = DiagnosticsFile.Name(station, logType);
        var log = request.Log;
        var cancelled = UploadProcess.Of(station).Begin(new UploadJob(log.RemoteLocation, fileName, log.OldestTimestamp, log.LatestTimestamp,
            request.Retries, request.RetryInterval, request.RequestId, logType));
        return ValueTask.FromResult(Payloads.Reply(
            new GetLogResponse { Status = cancelled ? LogStatusEnumType.AcceptedCanceled : LogStatusEnumType.Accepted, Filename = fileName },
            V201JsonContext.Default.GetLogResponse));
    }
}
