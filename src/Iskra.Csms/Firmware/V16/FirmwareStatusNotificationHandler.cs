using Iskra.Csms.Reports;
using Iskra.Csms.Routing;
using Iskra.Ocpp.Json;
using Iskra.Ocpp.V16.Messages;

namespace Iskra.Csms.Firmware.V16;

/// <summary>FirmwareStatusNotification (1.6 §5.19): kept as a notice, and the status of the station's latest firmware update.</summary>
public sealed class FirmwareStatusNotificationHandler(NoticeService notices, FirmwareUpdates updates)
    : IOcppHandler<FirmwareStatusNotificationRequest, FirmwareStatusNotificationResponse>
{
    public async ValueTask<FirmwareStatusNotificationResponse> HandleAsync(StationContext station, FirmwareStatusNotificationRequest request, CancellationToken cancellationToken)
    {
        var status = WireName.Of(request.Status);
        var payload = System.Text.Json.JsonSerializer.Serialize(request, V16JsonContext.Default.FirmwareStatusNotificationRequest);
        await notices.RecordAsync(station.StationId, "FirmwareStatusNotification", null, status, null, payload, cancellationToken).ConfigureAwait(false);
        await updates.StatusAsync(station.StationId, null, status, cancellationToken).ConfigureAwait(false);
        return new FirmwareStatusNotificationResponse();
    }
}
