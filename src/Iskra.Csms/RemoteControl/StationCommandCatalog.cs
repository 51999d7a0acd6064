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
        yield return new ResetCommand();
        yield return new RemoteStartCommand(services.GetRequiredService<IDbContextFactory<IskraDbContext>>(), services.GetRequiredService<TimeProvider>());
        yield return new RemoteStopCommand();
        yield return new UnlockCommand();
        yield return new ChangeAvailabilityCommand();
        yield return new GetConfigurationCommand(services.GetRequiredService<ConfigurationStore>());
        yield return new ChangeConfigurationCommand(services.GetRequiredService<ConfigurationStore>());
        yield return new TriggerMessageCommand();
        yield return new ClearCacheCommand();
        yield return new DataTransferCommand();
        yield return new SmartCharging.SetChargingProfileCommand(services.GetRequiredService<SmartCharging.SmartChargingService>());
        yield return new SmartCharging.ClearChargingProfileCommand(services.GetRequiredService<SmartCharging.SmartChargingService>());
        yield return new SmartCharging.GetCompositeScheduleCommand();
        yield return new Reservations.ReserveNowCommand(services.GetRequiredService<Reservations.ReservationService>(), services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Storage.IskraDbContext>>());
        yield return new Reservations.CancelReservationCommand(services.GetRequiredService<Reservations.ReservationService>());
        yield return new Authorization.SendLocalListCommand(services.GetRequiredService<Authorization.LocalListService>(), services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Storage.IskraDbContext>>());
        yield return new Authorization.GetLocalListVersionCommand(services.GetRequiredService<Authorization.LocalListService>());
        yield return new Firmware.UpdateFirmwareCommand(services.GetRequiredService<Firmware.FirmwareRepository>(), services.GetRequiredService<Firmware.FirmwareUpdates>(), services.GetRequiredService<Files.FileLinks>());
        yield return new Diagnostics.GetDiagnosticsCommand(services.GetRequiredService<Diagnostics.UploadService>(), services.GetRequiredService<Files.FileLinks>());
    }
}
