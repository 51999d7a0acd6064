using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Csms.Alarms;

/// <summary>The tables of alarms and maintenance windows.</summary>
internal static class AlarmsModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Alarm>(e =>
        {
            e.ToTable("alarms");
            e.Property(x => x.StationId).HasMaxLength(IskraModel.StationIdLength);
            e.Property(x => x.Kind).HasMaxLength(50);
            e.Property(x => x.Severity).HasMaxLength(20);
            e.Property(x => x.Source).HasMaxLength(50);
            e.Property(x => x.Code).HasMaxLength(100);
            e.Property(x => x.Message).HasMaxLength(Alarm.MessageLength);
            e.Property(x => x.AcknowledgedBy).HasMaxLength(100);
            e.Property(x => x.Note).HasMaxLength(2000);
            e.HasIndex(x => new { x.StationId, x.OpenedAt });
            e.HasIndex(x => new { x.ClearedAt, x.StationId, x.Kind });
        });
        b.Entity<AlarmSilence>(e =>
        {
            e.ToTable("alarm_silences");
            e.Property(x => x.StationId).HasMaxLength(IskraModel.StationIdLength);
            e.Property(x => x.Reason).HasMaxLength(500);
            e.Property(x => x.CreatedBy).HasMaxLength(100);
            e.HasIndex(x => new { x.StationId, x.Until });
        });
    }
}
