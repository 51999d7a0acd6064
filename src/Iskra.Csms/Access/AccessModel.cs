using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Csms.Access;

/// <summary>The tables of API keys and the audit log (commands and administration).</summary>
internal static class AccessModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<ApiKey>(e =>
        {
            e.ToTable("api_keys");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(16);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Hash).HasMaxLength(64);
        });
        b.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit");
            e.Property(x => x.Actor).HasMaxLength(130);
            e.Property(x => x.StationId).HasMaxLength(IskraModel.StationIdLength);
            e.Property(x => x.Command).HasMaxLength(80);
            e.Property(x => x.Action).HasMaxLength(50);
            e.Property(x => x.Outcome).HasMaxLength(100);
            e.Property(x => x.Target).HasMaxLength(100);
            e.Property(x => x.Fields).HasMaxLength(500);
            e.HasIndex(x => new { x.StationId, x.Id });
        });
    }
}
