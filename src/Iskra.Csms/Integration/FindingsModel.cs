using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Csms.Integration;

/// <summary>The table of passive findings.</summary>
internal static class FindingsModel
{
    public const int CheckLength = 64;

    public static void Configure(ModelBuilder b) => b.Entity<StationFinding>(e =>
    {
        e.ToTable("station_findings");
        e.Property(x => x.StationId).HasMaxLength(IskraModel.StationIdLength);
        e.Property(x => x.Vendor).HasMaxLength(50);
        e.Property(x => x.Model).HasMaxLength(50);
        e.Property(x => x.Check).HasMaxLength(CheckLength);
        e.Property(x => x.Requirement).HasMaxLength(200);
        e.Property(x => x.Expected).HasMaxLength(2000);
        e.Property(x => x.Observed).HasMaxLength(2000);
        e.Property(x => x.Fix).HasMaxLength(2000);
        e.HasIndex(x => new { x.StationId, x.Check }).IsUnique();
        e.HasIndex(x => new { x.Vendor, x.Model, x.Check });
    });
}
