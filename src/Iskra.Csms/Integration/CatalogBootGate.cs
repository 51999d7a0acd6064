using System.Collections.Concurrent;
using Iskra.Csms.Stations;
using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Iskra.Csms.Integration;

/// <summary>
/// The catalog on the boot path of both OCPP versions (<see cref="StationService.BootAsync"/>). With
/// <see cref="CatalogOptions.IntegratedOnly"/>, a model that is not integrated is answered
/// <see cref="CatalogOptions.UnknownModelAnswer"/> (a refused one Rejected) with a <see cref="CatalogAlarms.ModelNotIntegrated"/>
/// alarm saying why. An integrated model booting with a firmware version that did not pass a lab run is Accepted, and
/// flagged: a <see cref="CatalogAlarms.FirmwareNotTested"/> alarm on the station and, once per firmware version, a note on
/// the model. An alarm is not raised again while the same one (station, code, message) is still unacknowledged.
/// </summary>
public sealed class CatalogBootGate(
    CatalogService catalog, StationAlarms alarms, IDbContextFactory<IskraDbContext> contexts, IOptionsMonitor<CatalogOptions> options, TimeProvider time) : IModelAdmission
{
    /// <summary>How long an open alarm found is trusted without asking the database again (an acknowledgement is noticed after this).</summary>
    private static readonly TimeSpan Remembered = TimeSpan.FromMinutes(10);

    /// <summary>The length of an alarm's message column.</summary>
    private const int MaxMessage = 1000;

    private readonly ConcurrentDictionary<(string StationId, string Code), (string Message, DateTimeOffset Until)> _open = new();

    public async ValueTask<RegistrationState> AdmitAsync(string stationId, BootInfo boot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(boot);
        await catalog.EnsureLoadedAsync(cancellationToken).ConfigureAwait(false);
        var decision = catalog.Decide(boot.Vendor, boot.Model, boot.FirmwareVersion);
        switch (decision.Kind)
        {
            case ModelAdmissionKind.NotIntegrated:
                var policy = options.CurrentValue;
                if (!policy.IntegratedOnly)
                {
                    return RegistrationState.Accepted;
                }

                var answer = decision.Status == CatalogStatus.Refused || policy.UnknownModelAnswer == RegistrationState.Rejected
                    ? RegistrationState.Rejected
                    : RegistrationState.Pending;
                await RaiseOnceAsync(stationId, CatalogAlarms.ModelNotIntegrated, $"{decision.Reason}; boot answered {answer}", cancellationToken).ConfigureAwait(false);
                return answer;
            case ModelAdmissionKind.FirmwareOutsideTested:
                await catalog.FlagFirmwareAsync(boot.Vendor, boot.Model, boot.FirmwareVersion!, $"{decision.Reason} (first seen on station {stationId})", cancellationToken).ConfigureAwait(false);
                await RaiseOnceAsync(stationId, CatalogAlarms.FirmwareNotTested, decision.Reason, cancellationToken).ConfigureAwait(false);
                return RegistrationState.Accepted;
            default:
                return RegistrationState.Accepted;
        }
    }

    private async Task RaiseOnceAsync(string stationId, string code, string text, CancellationToken cancellationToken)
    {
        var message = text.Length <= MaxMessage ? text : text[..MaxMessage];
        var now = time.GetUtcNow();
        if (_open.TryGetValue((stationId, code), out var known) && known.Message == message && known.Until > now)
        {
            return;
        }

        bool open;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            open = await db.Alarms.AnyAsync(
                a => a.StationId == stationId && a.Source == StationAlarms.Source && a.Code == code && a.Message == message && a.AcknowledgedAt == null,
                cancellationToken).ConfigureAwait(false);
        }

        if (!open)
        {
            await alarms.RaiseAsync(stationId, code, message, cancellationToken).ConfigureAwait(false);
        }

        _open[(stationId, code)] = (message, now + Remembered);
    }
}
