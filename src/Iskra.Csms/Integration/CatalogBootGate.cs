using Iskra.Csms.Alarms;
using Iskra.Csms.Stations;
using Microsoft.Extensions.Options;

namespace Iskra.Csms.Integration;

/// <summary>
/// The catalog on the boot path of both OCPP versions (<see cref="StationService.BootAsync"/>). With
/// <see cref="CatalogOptions.IntegratedOnly"/>, a model that is not integrated is answered
/// <see cref="CatalogOptions.UnknownModelAnswer"/> (a refused one Rejected) with a <see cref="AlarmKinds.ModelNotIntegrated"/>
/// alarm saying why. An integrated model booting with a firmware version that did not pass a lab run is Accepted, and
/// flagged: a <see cref="AlarmKinds.FirmwareNotTested"/> alarm on the station and, once per firmware version, a note on
/// the model. A boot that passes clears them.
/// </summary>
public sealed class CatalogBootGate(CatalogService catalog, AlarmBook alarms, IOptionsMonitor<CatalogOptions> options) : IModelAdmission
{
    public async ValueTask<RegistrationState> AdmitAsync(string stationId, BootInfo boot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(boot);
        await catalog.EnsureLoadedAsync(cancellationToken).ConfigureAwait(false);
        var decision = catalog.Decide(boot.Vendor, boot.Model, boot.FirmwareVersion);
        var modelAlarm = AlarmKey.Station(stationId, AlarmKinds.ModelNotIntegrated);
        var firmwareAlarm = AlarmKey.Station(stationId, AlarmKinds.FirmwareNotTested);
        switch (decision.Kind)
        {
            case ModelAdmissionKind.NotIntegrated:
                var policy = options.CurrentValue;
                if (!policy.IntegratedOnly)
                {
                    await alarms.ClearAsync(modelAlarm, cancellationToken).ConfigureAwait(false);
                    return RegistrationState.Accepted;
                }

                var answer = decision.Status == CatalogStatus.Refused || policy.UnknownModelAnswer == RegistrationState.Rejected
                    ? RegistrationState.Rejected
                    : RegistrationState.Pending;
                await RaiseAsync(modelAlarm, alarms.Options.ModelNotIntegrated, $"{stationId}: {decision.Reason}; boot answered {answer}", cancellationToken).ConfigureAwait(false);
                return answer;
            case ModelAdmissionKind.FirmwareOutsideTested:
                await catalog.FlagFirmwareAsync(boot.Vendor, boot.Model, boot.FirmwareVersion!, $"{decision.Reason} (first seen on station {stationId})", cancellationToken).ConfigureAwait(false);
                await alarms.ClearAsync(modelAlarm, cancellationToken).ConfigureAwait(false);
                await RaiseAsync(firmwareAlarm, alarms.Options.FirmwareNotTested, $"{stationId}: {decision.Reason}", cancellationToken).ConfigureAwait(false);
                return RegistrationState.Accepted;
            default:
                await alarms.ClearAsync([modelAlarm, firmwareAlarm], cancellationToken).ConfigureAwait(false);
                return RegistrationState.Accepted;
        }
    }

    private async Task RaiseAsync(AlarmKey key, AlarmRuleOptions rule, string message, CancellationToken cancellationToken)
    {
        if (rule.Enabled)
        {
            await alarms.RaiseAsync(AlarmSignal.Iskra(key, rule.Severity, message), cancellationToken).ConfigureAwait(false);
        }
    }
}
