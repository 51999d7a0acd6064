using Iskra.Csms.Reports;
using Iskra.Csms.Routing;
using Iskra.Ocpp.Json;
using Iskra.Ocpp.V201.Messages;

namespace Iskra.Csms.Diagnostics.V201;

/// <summary>LogStatusNotification (N01): kept as a notice, and the status of the GetLog request of its requestId.</summary>
public sealed class LogStatusNotificationHandler(NoticeService notices, UploadService uploads)
    : IOcppHandler<LogStatusNotificationRequest, LogStatusNotificationResponse>
{
    public async ValueTask<LogStatusNotificationResponse> HandleAsync(StationContext station, LogStatusNotificationRequest request, CancellationToken cancellationToken)
    {
        var status = WireName.Of(request.Status);
        var payload = System.Text.Json.JsonSerializer.Serialize(request, V201JsonContext.Default.LogStatusNotificationRequest);
        await notices.RecordAsync(station.StationId, "LogStatusNotification", request.RequestId, status, null, payload, cancellationToken).ConfigureAwait(false);
        // N01 (TC_N_25_CSMS): requestId is the one of the GetLog; without it (a triggered Idle) no request changes.
        if (request.RequestId is { } requestId)
        {
            await uploads.StatusAsync(station.StationId, requestId, status, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            uploads.Unmatched(station.StationId, null, status);
        }

        return new LogStatusNotificationResponse();
    }
}
