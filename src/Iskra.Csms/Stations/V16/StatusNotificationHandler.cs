using Iskra.Csms.Routing;
using Iskra.Ocpp.Json;
using Iskra.Ocpp.V16.Messages;

namespace Iskra.Csms.Stations.V16;

/// <summary>1.6 StatusNotification: connector 0 is the station itself; evseId = connectorId.</summary>
public sealed class StatusNotificationHandler(StationService stations) : IOcppHandler<StatusNotificationRequest, StatusNotificationResponse>
{
    private static readonly StatusNotificationResponse Empty = new();

    public async ValueTask<StatusNotificationResponse> HandleAsync(StationContext station, StatusNotificationRequest request, CancellationToken cancellationToken)
    {
        var report = new StatusReport(
            request.ConnectorId, request.ConnectorId, WireName.Of(request.Status), WireName.Of(request.ErrorCode),
            request.Info, request.VendorId, request.VendorErrorCode, request.Timestamp);
        await stations.StatusAsync(station.StationId, report, cancellationToken).ConfigureAwait(false);
        return Empty;
    }
}
