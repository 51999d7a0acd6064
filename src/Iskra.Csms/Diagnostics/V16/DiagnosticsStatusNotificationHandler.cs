using Iskra.Csms.Reports;
using Iskra.Csms.Routing;
using Iskra.Ocpp.Json;
using Iskra.Ocpp.V16.Messages;

namespace Iskra.Csms.Diagnostics.V16;

/// <summary>DiagnosticsStatusNotification (1.6 §5.9): kept as a notice, and the status of the station's latest diagnostics request.</summary>
public sealed class DiagnosticsStatusNotificationHandler(NoticeService notices, UploadService uploads)
    : IOcppHandler<DiagnosticsStatusNotificationRequest, DiagnosticsStatusNotificationResponse>
{
    public async ValueTask<DiagnosticsStatusNotificationResponse> HandleAsync(StationContext station, DiagnosticsStatusNotificationRequest request, CancellationToken cancellationToken)
    {
        var status = WireName.Of(request.Status);
        var payload = System.Text.Json.JsonSerializer.Serialize(request, V16JsonContext.Default.DiagnosticsStatusNotificationRequest);
        await notices.RecordAsync(station.StationId, "DiagnosticsStatusNotification", null, status, null, payload, cancellationToken).ConfigureAwait(false);
        await uploads.StatusAsync(station.StationId, null, status, cancellationToken).ConfigureAwait(false);
        return new DiagnosticsStatusNotificationResponse();
    }
}
