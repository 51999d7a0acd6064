using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Csms.RemoteControl;

/// <summary>The table of 1.6 configuration keys per station.</summary>
internal static class ConfigurationKeyModel
{
    public static void Configure(ModelBuilder b) =>
        b.Entity<StationConfigurationKey>(e =>
        {
            e.ToTable("station_configuration");
            e.HasKey(x => new { x.StationId, x.Key });
            e.Property(x => x.StationId).HasMaxLength(IskraModel.StationIdLength);
            e.Property(x => x.Key).HasMaxLength(50);
            e.Property(x => x.Value).HasMaxLength(500);
        });
}
