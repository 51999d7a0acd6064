using Iskra.Csms.Routing;
using Iskra.Ocpp.Json;
using Iskra.Ocpp.V201.Messages;

namespace Iskra.Csms.Stations.V201;

/// <summary>2.0.1 StatusNotification carries no error code: a Faulted status raises the alarm (G01).</summary>
public sealed class StatusNotificationHandler(StationService stations) : IOcppHandler<StatusNotificationRequest, StatusNotificationResponse>
{
    public async ValueTask<StatusNotificationResponse> HandleAsync(StationContext station, StatusNotificationRequest request, CancellationToken cancellationToken)
    {
        var report = new StatusReport(
            request.EvseId, request.ConnectorId, WireName.Of(request.ConnectorStatus), ErrorCode: null,
            Info: null, VendorId: null, VendorErrorCode: null, request.Timestamp);
        await stations.StatusAsync(station.StationId, report, cancellationToken).ConfigureAwait(false);
        return new();
    }
}
