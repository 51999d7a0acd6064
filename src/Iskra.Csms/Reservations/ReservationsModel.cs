using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Csms.Reservations;

/// <summary>The table of reservations.</summary>
internal static class ReservationsModel
{
    public static void Configure(ModelBuilder b) =>
        b.Entity<Reservation>(e =>
        {
            e.ToTable("reservations");
            e.Property(x => x.StationId).HasMaxLength(IskraModel.StationIdLength);
            e.Property(x => x.IdTag).HasMaxLength(36);
            e.Property(x => x.ParentIdTag).HasMaxLength(36);
            e.Property(x => x.Failure).HasMaxLength(64);
            e.Property(x => x.Status).HasMaxLength(32);
            e.HasIndex(x => new { x.StationId, x.ReservationId }).IsUnique();
            e.HasIndex(x => x.ReservationId);
        });
}
