using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Csms.Integration;

/// <summary>The tables of the catalog of integrated models: models, their lab runs with per-profile counts, and notes.</summary>
internal static class CatalogStorage
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<CatalogModel>(e =>
        {
            e.ToTable("catalog_models");
            e.Property(x => x.Vendor).HasMaxLength(CatalogModel.NameLength);
            e.Property(x => x.Model).HasMaxLength(CatalogModel.NameLength);
            e.Property(x => x.Key).HasMaxLength((2 * CatalogModel.NameLength) + 1);
            e.HasIndex(x => x.Key).IsUnique();
            e.HasMany(x => x.Runs).WithOne().HasForeignKey(x => x.ModelId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Notes).WithOne().HasForeignKey(x => x.ModelId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<CatalogRun>(e =>
        {
            e.ToTable("catalog_runs");
            e.Property(x => x.RunId).HasMaxLength(CatalogRun.RunIdLength);
            e.Property(x => x.StationId).HasMaxLength(IskraModel.StationIdLength);
            e.Property(x => x.FirmwareVersion).HasMaxLength(50);
            e.Property(x => x.OcppVersion).HasMaxLength(8);
            e.HasIndex(x => x.RunId).IsUnique();
            e.HasIndex(x => new { x.ModelId, x.FinishedAt });
            e.HasMany(x => x.Profiles).WithOne().HasForeignKey(x => x.CatalogRunId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<CatalogRunProfile>(e =>
        {
            e.ToTable("catalog_run_profiles");
            e.Property(x => x.Profile).HasMaxLength(CatalogRunProfile.ProfileLength);
        });
        b.Entity<CatalogNote>(e =>
        {
            e.ToTable("catalog_notes");
            e.Property(x => x.Author).HasMaxLength(130);
            e.Property(x => x.Text).HasMaxLength(CatalogNote.TextLength);
            e.Property(x => x.Firmware).HasMaxLength(50);
            // One re-qualification note per model and firmware; operator notes (no firmware) are not limited.
            e.HasIndex(x => new { x.ModelId, x.Firmware }).IsUnique();
        });
    }
}
