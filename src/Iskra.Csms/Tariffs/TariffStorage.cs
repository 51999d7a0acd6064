using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Csms.Tariffs;

/// <summary>Tables of billing: <c>tariffs</c>, <c>tariff_versions</c> and <c>cdrs</c> (charge detail records).</summary>
internal static class TariffStorage
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Tariff>(e =>
        {
            e.ToTable("tariffs");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(Tariff.IdLength);
            e.Property(x => x.Name).HasMaxLength(100);
        });
        b.Entity<TariffVersionRecord>(e =>
        {
            e.ToTable("tariff_versions");
            e.HasKey(x => new { x.TariffId, x.Version });
            e.Property(x => x.TariffId).HasMaxLength(Tariff.IdLength);
        });
        b.Entity<ChargeDetailRecord>(e =>
        {
            e.ToTable("cdrs");
            e.Property(x => x.StationId).HasMaxLength(IskraModel.StationIdLength);
            e.Property(x => x.TransactionId).HasMaxLength(36);
            e.Property(x => x.OcppVersion).HasMaxLength(8);
            e.Property(x => x.IdTag).HasMaxLength(36);
            e.Property(x => x.IdTagGroup).HasMaxLength(36);
            e.Property(x => x.TariffId).HasMaxLength(Tariff.IdLength);
            e.Property(x => x.Currency).HasMaxLength(3);
            e.Property(x => x.Flags).HasMaxLength(300);
            e.Property(x => x.CorrectionReason).HasMaxLength(500);
            e.HasIndex(x => x.StoppedAt);
            e.HasIndex(x => new { x.StationId, x.StoppedAt });
            e.HasIndex(x => new { x.IdTag, x.StoppedAt });
            e.HasIndex(x => new { x.IdTagGroup, x.StoppedAt });
            e.HasIndex(x => x.TransactionDbId);
            e.HasIndex(x => x.CorrectsId).IsUnique();
        });
    }
}
