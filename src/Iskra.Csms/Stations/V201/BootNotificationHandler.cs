using Iskra.Csms.Routing;
using Iskra.Ocpp.Json;
using Iskra.Ocpp.V201.Messages;

namespace Iskra.Csms.Stations.V201;

public sealed class BootNotificationHandler(StationService stations) : IOcppHandler<BootNotificationRequest, BootNotificationResponse>
{
    public async ValueTask<BootNotificationResponse> HandleAsync(StationContext station, BootNotificationRequest request, CancellationToken cancellationToken)
    {
        var cs = request.ChargingStation;
        var boot = new BootInfo(
            cs.VendorName, cs.Model, cs.SerialNumber, cs.FirmwareVersion, ChargeBoxSerialNumber: null,
            cs.Modem?.Iccid, cs.Modem?.Imsi, MeterType: null, MeterSerialNumber: null, WireName.Of(request.Reason));
        var result = await stations.BootAsync(station.StationId, boot, cancellationToken).ConfigureAwait(false);
        station.Registration = result.Status;
        return new()
        {
            Status = result.Status switch
            {
                RegistrationState.Accepted => RegistrationStatusEnumType.Accepted,
                RegistrationState.Pending => RegistrationStatusEnumType.Pending,
                _ => RegistrationStatusEnumType.Rejected,
            },
            CurrentTime = result.CurrentTime,
            Interval = result.IntervalSeconds,
        };
    }
}
