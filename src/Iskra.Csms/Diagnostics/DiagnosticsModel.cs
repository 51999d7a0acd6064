using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Csms.Diagnostics;

/// <summary>The tables of upload requests and the files stations uploaded.</summary>
internal static class DiagnosticsModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<UploadRequest>(e =>
        {
            e.ToTable("upload_requests");
            e.Property(x => x.StationId).HasMaxLength(IskraModel.StationIdLength);
            e.Property(x => x.Kind).HasMaxLength(16);
            e.Property(x => x.LogType).HasMaxLength(32);
            e.Property(x => x.Token).HasMaxLength(64);
            e.Property(x => x.Location).HasMaxLength(1024);
            e.Property(x => x.Status).HasMaxLength(32);
            e.Property(x => x.Failure).HasMaxLength(64);
            e.Property(x => x.FileName).HasMaxLength(255);
            e.Property(x => x.Actor).HasMaxLength(130);
            e.HasIndex(x => x.Token).IsUnique();
            e.HasIndex(x => new { x.StationId, x.Id });
        });
        b.Entity<StationFile>(e =>
        {
            e.ToTable("station_files");
            e.Property(x => x.StationId).HasMaxLength(IskraModel.StationIdLength);
            e.Property(x => x.FileName).HasMaxLength(255);
            e.Property(x => x.StoredName).HasMaxLength(100);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.HasOne(x => x.UploadRequest).WithMany().HasForeignKey(x => x.UploadRequestId);
            e.HasIndex(x => new { x.StationId, x.Id });
        });
    }
}
