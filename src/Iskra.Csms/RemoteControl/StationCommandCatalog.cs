using Iskra.Csms.Access;
using Iskra.Csms.Authorization;
using Iskra.Csms.Diagnostics;
using Iskra.Csms.Files;
using Iskra.Csms.Firmware;
using Iskra.Csms.Reservations;
using Iskra.Csms.SmartCharging;
using Iskra.Csms.Stations;
using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Iskra.Csms.RemoteControl;

/// <summary>Every command of <c>/api/stations/{id}/commands/{name}</c>, one line each (docs/commands.md is the table).</summary>
public static class StationCommandCatalog
{
    public static IEnumerable<StationCommand> Create(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var contexts = services.GetRequiredService<IDbContextFactory<IskraDbContext>>();
        var configuration = services.GetRequiredService<ConfigurationStore>();
        var profiles = services.GetRequiredService<SmartChargingService>();
        var reservations = services.GetRequiredService<ReservationService>();
        var localLists = services.GetRequiredService<LocalListService>();
        var links = services.GetRequiredService<FileLinks>();

        // Stations, transactions and configuration (RemoteControl)
        yield return new RemoteStartCommand(contexts, services.GetRequiredService<TimeProvider>());
        yield return new RemoteStopCommand();
        yield return new ResetCommand();
        yield return new UnlockCommand();
        yield return new ChangeAvailabilityCommand();
        yield return new GetConfigurationCommand(configuration);
        yield return new ChangeConfigurationCommand(configuration, services.GetRequiredService<StationPasswordHasher>(), services.GetRequiredService<AdminAudit>());
        yield return new TriggerMessageCommand();
        yield return new ClearCacheCommand();
        yield return new DataTransferCommand();

        // Firmware (L) and diagnostics (N)
        yield return new UpdateFirmwareCommand(services.GetRequiredService<FirmwareRepository>(), services.GetRequiredService<FirmwareUpdates>(), links);
        yield return new GetDiagnosticsCommand(services.GetRequiredService<UploadService>(), links);

        // Smart charging (K), reservations (H), local authorization lists (D)
        yield return new SetChargingProfileCommand(profiles);
        yield return new ClearChargingProfileCommand(profiles);
        yield return new GetCompositeScheduleCommand();
        yield return new ReserveNowCommand(reservations, contexts);
        yield return new CancelReservationCommand(reservations);
        yield return new SendLocalListCommand(localLists, contexts);
        yield return new GetLocalListVersionCommand(localLists);
    }
}
