using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Csms.Firmware;

/// <summary>The tables of the firmware repository and of firmware updates with their status history.</summary>
internal static class FirmwareModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<FirmwareImage>(e =>
        {
            e.ToTable("firmware_images");
            e.Property(x => x.Name).HasMaxLength(255);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.Property(x => x.Token).HasMaxLength(64);
            e.Property(x => x.StoredName).HasMaxLength(100);
            e.Property(x => x.UploadedBy).HasMaxLength(130);
        });
        b.Entity<FirmwareUpdate>(e =>
        {
            e.ToTable("firmware_updates");
            e.Property(x => x.StationId).HasMaxLength(IskraModel.StationIdLength);
            e.Property(x => x.Location).HasMaxLength(1024);
            e.Property(x => x.Status).HasMaxLength(32);
            e.Property(x => x.Failure).HasMaxLength(64);
            e.Property(x => x.Actor).HasMaxLength(130);
            e.HasMany(x => x.History).WithOne().HasForeignKey(x => x.FirmwareUpdateId);
            e.HasIndex(x => new { x.StationId, x.Id });
        });
        b.Entity<FirmwareUpdateStatus>(e =>
        {
            e.ToTable("firmware_update_statuses");
            e.Property(x => x.Status).HasMaxLength(32);
        });
    }
}
