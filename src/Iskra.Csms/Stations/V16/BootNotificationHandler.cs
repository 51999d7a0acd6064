using Iskra.Csms.Routing;
using Iskra.Ocpp.V16.Messages;

namespace Iskra.Csms.Stations.V16;

public sealed class BootNotificationHandler(StationService stations) : IOcppHandler<BootNotificationRequest, BootNotificationResponse>
{
    public async ValueTask<BootNotificationResponse> HandleAsync(StationContext station, BootNotificationRequest request, CancellationToken cancellationToken)
    {
        var boot = new BootInfo(
            request.ChargePointVendor, request.ChargePointModel, request.ChargePointSerialNumber, request.FirmwareVersion,
            request.ChargeBoxSerialNumber, request.Iccid, request.Imsi, request.MeterType, request.MeterSerialNumber, Reason: null);
        var result = await stations.BootAsync(station.StationId, boot, cancellationToken).ConfigureAwait(false);
        station.Registration = result.Status;
        return new()
        {
            Status = result.Status switch
            {
                RegistrationState.Accepted => RegistrationStatus.Accepted,
                RegistrationState.Pending => RegistrationStatus.Pending,
                _ => RegistrationStatus.Rejected,
            },
            CurrentTime = result.CurrentTime,
            Interval = result.IntervalSeconds,
        };
    }
}
