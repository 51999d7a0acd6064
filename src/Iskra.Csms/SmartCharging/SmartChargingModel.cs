using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Csms.SmartCharging;

/// <summary>The table of charging profiles stations accepted.</summary>
internal static class SmartChargingModel
{
    public static void Configure(ModelBuilder b) =>
        b.Entity<ChargingProfileRecord>(e =>
        {
            e.ToTable("charging_profiles");
            e.Property(x => x.StationId).HasMaxLength(IskraModel.StationIdLength);
            e.Property(x => x.Purpose).HasMaxLength(40);
            e.Property(x => x.TransactionId).HasMaxLength(36);
            e.HasIndex(x => new { x.StationId, x.ChargingProfileId }).IsUnique();
        });
}
