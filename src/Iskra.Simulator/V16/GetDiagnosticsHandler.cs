using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V16.Messages;
using Iskra.Simulator.Diagnostics;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V16;

/// <summary>
/// 1.6 §5.9 GetDiagnostics: the answer names the file, then it is uploaded to the location. When the
/// log holds nothing between startTime and stopTime there is no file: no fileName and no upload.
/// </summary>
internal static class GetDiagnosticsHandler
{
    public static ValueTask<RpcReply> HandleAsync(SimStation station, RpcCall call, CancellationToken cancellationToken)
    {
        var request = Payloads.Read(call, V16JsonContext.Default.GetDiagnosticsRequest);
        string? fileName = null;
        if (DiagnosticsFile.Entries(station, request.StartTime, request.StopTime, "DiagnosticsLog").Count > 0)
        {
            fileName = DiagnosticsFile.Name(station, "DiagnosticsLog");
            UploadProcess.Of(station).Begin(new UploadJob(request.Location, fileName, request.StartTime, request.StopTime, request.Retries, request.RetryInterval));
        }

        return ValueTask.FromResult(Payloads.Reply(new GetDiagnosticsResponse { FileName = fileName }, V16JsonContext.Default.GetDiagnosticsResponse));
    }
}
