using Microsoft.Extensions.DependencyInjection;

namespace Iskra.Csms.RemoteControl;

/// <summary>Every command of <c>/api/stations/{id}/commands/{name}</c>, one line each (docs/commands.md is the table).</summary>
public static class StationCommandCatalog
{
    public static IEnumerable<StationCommand> Create(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        yield return new ResetCommand();
        yield return new Firmware.UpdateFirmwareCommand(services.GetRequiredService<Firmware.FirmwareRepository>(), services.GetRequiredService<Firmware.FirmwareUpdates>(), services.GetRequiredService<Files.FileLinks>());
        yield return new Diagnostics.GetDiagnosticsCommand(services.GetRequiredService<Diagnostics.UploadService>(), services.GetRequiredService<Files.FileLinks>());
    }
}
