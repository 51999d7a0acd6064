using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Csms.Authorization;

/// <summary>The table of the stations' Local Authorization Lists, one row per station.</summary>
internal static class LocalListModel
{
    public static void Configure(ModelBuilder b) =>
        b.Entity<LocalList>(e =>
        {
            e.ToTable("local_lists");
            e.HasKey(x => x.StationId);
            e.Property(x => x.StationId).HasMaxLength(IskraModel.StationIdLength);
        });
}
