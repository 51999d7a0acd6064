using Iskra.Csms.Reports;
using Iskra.Csms.Routing;
using Iskra.Ocpp.Json;
using Iskra.Ocpp.V201.Messages;

namespace Iskra.Csms.Firmware.V201;

/// <summary>FirmwareStatusNotification (L01): kept as a notice, and the status of the UpdateFirmware of its requestId.</summary>
public sealed class FirmwareStatusNotificationHandler(NoticeService notices, FirmwareUpdates updates)
    : IOcppHandler<FirmwareStatusNotificationRequest, FirmwareStatusNotificationResponse>
{
    public async ValueTask<FirmwareStatusNotificationResponse> HandleAsync(StationContext station, FirmwareStatusNotificationRequest request, CancellationToken cancellationToken)
    {
        var status = WireName.Of(request.Status);
        var payload = System.Text.Json.JsonSerializer.Serialize(request, V201JsonContext.Default.FirmwareStatusNotificationRequest);
        await notices.RecordAsync(station.StationId, "FirmwareStatusNotification", request.RequestId, status, null, payload, cancellationToken).ConfigureAwait(false);
        // requestId is mandatory unless triggered with no update ongoing (schema text); without it no update changes.
        if (request.RequestId is { } requestId)
        {
            await updates.StatusAsync(station.StationId, requestId, status, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            updates.Unmatched(station.StationId, null, status);
        }

        return new FirmwareStatusNotificationResponse();
    }
}
