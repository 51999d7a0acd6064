using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Csms.Transactions;

/// <summary>The table of remote starts (the remoteStartId allocation).</summary>
internal static class RemoteStartModel
{
    public static void Configure(ModelBuilder b) =>
        b.Entity<RemoteStart>(e =>
        {
            e.ToTable("remote_starts");
            e.HasKey(x => x.Id);
            e.Property(x => x.StationId).HasMaxLength(IskraModel.StationIdLength);
            e.Property(x => x.IdTag).HasMaxLength(36);
            e.Property(x => x.Status).HasMaxLength(32);
            e.Property(x => x.Failure).HasMaxLength(64);
            e.Property(x => x.TransactionId).HasMaxLength(36);
            e.HasIndex(x => new { x.StationId, x.IdTag, x.RequestedAt });
        });
}
