using System.Text.Json;
using Iskra.Csms.Reports;
using Iskra.Csms.Routing;
using Iskra.Ocpp.Json;
using Iskra.Ocpp.V201.Messages;

namespace Iskra.Csms.Reservations.V201;

/// <summary>
/// ReservationStatusUpdate (H04): kept as a notice like every station report, and the stored
/// reservation becomes Expired or Removed. Both are durable before the answer.
/// </summary>
public sealed class ReservationStatusUpdateHandler(NoticeService notices, ReservationService reservations)
    : IOcppHandler<ReservationStatusUpdateRequest, ReservationStatusUpdateResponse>
{
    public async ValueTask<ReservationStatusUpdateResponse> HandleAsync(StationContext station, ReservationStatusUpdateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(station);
        ArgumentNullException.ThrowIfNull(request);
        var status = WireName.Of(request.ReservationUpdateStatus);
        var payload = JsonSerializer.Serialize(request, V201JsonContext.Default.ReservationStatusUpdateRequest);
        await notices.RecordAsync(station.StationId, "ReservationStatusUpdate", request.ReservationId, status, null, payload, cancellationToken).ConfigureAwait(false);
        await reservations.EndedAsync(station.StationId, request.ReservationId, status, cancellationToken).ConfigureAwait(false);
        return new();
    }
}
