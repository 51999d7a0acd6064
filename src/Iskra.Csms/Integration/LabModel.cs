using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Csms.Integration;

/// <summary>Tables of the test lab: <c>lab_runs</c> and <c>lab_frames</c>.</summary>
internal static class LabModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<LabRunRecord>(e =>
        {
            e.ToTable("lab_runs");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(32);
            e.Property(x => x.StationId).HasMaxLength(IskraModel.StationIdLength);
            e.Property(x => x.Suite).HasMaxLength(16);
            e.Property(x => x.Status).HasMaxLength(16);
            e.Property(x => x.Vendor).HasMaxLength(50);
            e.Property(x => x.Model).HasMaxLength(50);
            e.Property(x => x.FirmwareVersion).HasMaxLength(50);
            e.HasIndex(x => new { x.StationId, x.CreatedAt });
            e.HasIndex(x => x.Status);
        });
        b.Entity<LabFrameRecord>(e =>
        {
            e.ToTable("lab_frames");
            e.HasKey(x => new { x.RunId, x.Seq });
            e.Property(x => x.RunId).HasMaxLength(32);
        });
    }
}
