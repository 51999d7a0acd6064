using Iskra.Csms.Access;
using Iskra.Csms.Authorization;
using Iskra.Csms.Integration;
using Iskra.Csms.RemoteControl;
using Iskra.Csms.Reports;
using Iskra.Csms.Reservations;
using Iskra.Csms.SmartCharging;
using Iskra.Csms.Stations;
using Iskra.Csms.Traffic;
using Iskra.Csms.Transactions;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Csms.Storage;

/// <summary>Keys, indexes and lengths of every table. Lengths follow the OCPP field limits.</summary>
internal static class IskraModel
{
    public const int StationIdLength = 48;

    public static void Configure(ModelBuilder b)
    {
        LabModel.Configure(b);
        b.Entity<Station>(e =>
        {
            e.ToTable("stations");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(StationIdLength);
            e.Property(x => x.Description).HasMaxLength(500);
            e.Property(x => x.PasswordHash).HasMaxLength(200);
            e.Property(x => x.PendingPasswordHash).HasMaxLength(200);
            e.Property(x => x.OcppVersion).HasMaxLength(8);
            e.Property(x => x.Vendor).HasMaxLength(50);
            e.Property(x => x.Model).HasMaxLength(50);
            e.Property(x => x.SerialNumber).HasMaxLength(25);
            e.Property(x => x.FirmwareVersion).HasMaxLength(50);
            e.Property(x => x.ChargeBoxSerialNumber).HasMaxLength(25);
            e.Property(x => x.Iccid).HasMaxLength(20);
            e.Property(x => x.Imsi).HasMaxLength(20);
            e.Property(x => x.MeterType).HasMaxLength(25);
            e.Property(x => x.MeterSerialNumber).HasMaxLength(25);
            e.Property(x => x.LastBootReason).HasMaxLength(32);
        });
        b.Entity<Connector>(e =>
        {
            e.ToTable("connectors");
            e.HasKey(x => new { x.StationId, x.EvseId, x.ConnectorId });
            e.Property(x => x.StationId).HasMaxLength(StationIdLength);
            e.Property(x => x.Status).HasMaxLength(32);
            e.Property(x => x.ErrorCode).HasMaxLength(50);
            e.Property(x => x.Info).HasMaxLength(50);
            e.Property(x => x.VendorErrorCode).HasMaxLength(50);
        });
        b.Entity<StatusEvent>(e =>
        {
            e.ToTable("status_events");
            e.Property(x => x.StationId).HasMaxLength(StationIdLength);
            e.Property(x => x.Status).HasMaxLength(32);
            e.Property(x => x.ErrorCode).HasMaxLength(50);
            e.Property(x => x.Info).HasMaxLength(50);
            e.Property(x => x.VendorId).HasMaxLength(255);
            e.Property(x => x.VendorErrorCode).HasMaxLength(50);
            e.HasIndex(x => new { x.StationId, x.Id });
            e.HasIndex(x => new { x.StationId, x.Timestamp });
        });
        b.Entity<ConnectionAttempt>(e =>
        {
            e.ToTable("connection_attempts");
            e.Property(x => x.StationId).HasMaxLength(200);
            e.Property(x => x.RemoteAddress).HasMaxLength(64);
            e.HasIndex(x => x.Timestamp);
        });
        b.Entity<StationConnectionRecord>(e =>
        {
            e.ToTable("station_connections");
            e.Property(x => x.StationId).HasMaxLength(StationIdLength);
            e.Property(x => x.RemoteAddress).HasMaxLength(64);
            e.Property(x => x.OcppVersion).HasMaxLength(10);
            e.HasIndex(x => new { x.StationId, x.ConnectedAt });
        });
        b.Entity<BootRecord>(e =>
        {
            e.ToTable("boot_records");
            e.Property(x => x.StationId).HasMaxLength(StationIdLength);
            e.Property(x => x.Reason).HasMaxLength(50);
            e.Property(x => x.Vendor).HasMaxLength(50);
            e.Property(x => x.Model).HasMaxLength(50);
            e.Property(x => x.SerialNumber).HasMaxLength(25);
            e.Property(x => x.FirmwareVersion).HasMaxLength(50);
            e.Property(x => x.RegistrationStatus).HasMaxLength(20);
            e.HasIndex(x => new { x.StationId, x.Id });
        });
        b.Entity<IdTag>(e =>
        {
            e.ToTable("id_tags");
            e.HasKey(x => x.Value);
            e.Property(x => x.Value).HasMaxLength(36);
            e.Property(x => x.Type).HasMaxLength(20);
            e.Property(x => x.ParentIdTag).HasMaxLength(36);
        });
        b.Entity<ChargingTransaction>(e =>
        {
            e.ToTable("transactions");
            e.Property(x => x.StationId).HasMaxLength(StationIdLength);
            e.Property(x => x.TransactionId).HasMaxLength(36);
            e.Property(x => x.IdTag).HasMaxLength(36);
            e.Property(x => x.IdTagStatus).HasMaxLength(32);
            e.Property(x => x.IdTagSource).HasMaxLength(16);
            e.Property(x => x.StopReason).HasMaxLength(32);
            e.Property(x => x.ChargingState).HasMaxLength(32);
            e.Property(x => x.StartKey).HasMaxLength(200);
            e.Property(x => x.Problems).HasConversion<int>();
            e.Property(x => x.TariffId).HasMaxLength(Tariffs.Tariff.IdLength);
            e.Property(x => x.IdTagGroup).HasMaxLength(36);
            e.HasIndex(x => new { x.IdTag, x.StartedAt });
            e.HasIndex(x => new { x.IdTagGroup, x.StartedAt });
            e.HasIndex(x => new { x.StationId, x.TransactionId }).IsUnique();
            e.HasIndex(x => new { x.StationId, x.StartKey }).IsUnique();
            e.HasIndex(x => x.StartedAt);

            // Running sessions, read by the alarm rules at every check: a partial index stays as small as the live sessions.
            e.HasIndex(x => x.StationId, "IX_transactions_running").HasFilter("\"StoppedAt\" IS NULL");
        });
        b.Entity<TransactionEventRecord>(e =>
        {
            e.ToTable("transaction_events");
            e.Property(x => x.EventType).HasMaxLength(16);
            e.Property(x => x.TriggerReason).HasMaxLength(32);
            e.HasIndex(x => new { x.TransactionDbId, x.SeqNo }).IsUnique();
            e.HasOne(x => x.Transaction).WithMany().HasForeignKey(x => x.TransactionDbId);
        });
        b.Entity<MeterValueRecord>(e =>
        {
            e.ToTable("meter_values");
            e.Property(x => x.StationId).HasMaxLength(StationIdLength);
            e.Property(x => x.Value).HasMaxLength(2500);
            e.Property(x => x.Measurand).HasMaxLength(50);
            e.Property(x => x.Phase).HasMaxLength(8);
            e.Property(x => x.Unit).HasMaxLength(20);
            e.Property(x => x.Context).HasMaxLength(32);
            e.Property(x => x.Location).HasMaxLength(16);
            e.Property(x => x.Format).HasMaxLength(16);
            e.HasOne(x => x.Transaction).WithMany().HasForeignKey(x => x.TransactionDbId);
            e.HasIndex(x => new { x.StationId, x.Timestamp });
            // One row per sample of a transaction (MeterSamples): the writer's bulk insert skips repeats.
            e.HasIndex(x => new { x.TransactionDbId, x.SampleKey }).IsUnique();
        });
        b.Entity<TrafficEntry>(e =>
        {
            e.ToTable("traffic");
            e.Property(x => x.StationId).HasMaxLength(StationIdLength);
            e.HasIndex(x => new { x.StationId, x.Id });
            e.HasIndex(x => x.Timestamp);
        });
        b.Entity<StationNotice>(e =>
        {
            e.ToTable("station_notices");
            e.Property(x => x.StationId).HasMaxLength(StationIdLength);
            e.Property(x => x.Action).HasMaxLength(50);
            e.Property(x => x.Status).HasMaxLength(50);
            e.HasIndex(x => new { x.StationId, x.Action, x.Id });
            e.HasIndex(x => new { x.Action, x.Id });
        });
        b.Entity<DeviceModelVariable>(e =>
        {
            e.ToTable("device_model");
            e.Property(x => x.StationId).HasMaxLength(StationIdLength);
            e.Property(x => x.Component).HasMaxLength(50);
            e.Property(x => x.ComponentInstance).HasMaxLength(50);
            e.Property(x => x.Variable).HasMaxLength(50);
            e.Property(x => x.VariableInstance).HasMaxLength(50);
            e.Property(x => x.AttributeType).HasMaxLength(16);
            e.Property(x => x.Value).HasMaxLength(2500);
            e.Property(x => x.Mutability).HasMaxLength(16);
            e.Property(x => x.DataType).HasMaxLength(20);
            e.Property(x => x.Unit).HasMaxLength(20);
            e.HasIndex(x => new { x.StationId, x.Component, x.ComponentInstance, x.EvseId, x.ConnectorId, x.Variable, x.VariableInstance, x.AttributeType }).IsUnique();
        });
        b.Entity<EventRecord>(e =>
        {
            e.ToTable("events");
            e.Property(x => x.StationId).HasMaxLength(StationIdLength);
            e.Property(x => x.Trigger).HasMaxLength(16);
            e.Property(x => x.ActualValue).HasMaxLength(2500);
            e.Property(x => x.TechCode).HasMaxLength(50);
            e.Property(x => x.TechInfo).HasMaxLength(500);
            e.Property(x => x.TransactionId).HasMaxLength(36);
            e.Property(x => x.EventNotificationType).HasMaxLength(32);
            e.Property(x => x.Component).HasMaxLength(50);
            e.Property(x => x.ComponentInstance).HasMaxLength(50);
            e.Property(x => x.Variable).HasMaxLength(50);
            e.Property(x => x.VariableInstance).HasMaxLength(50);
            e.HasIndex(x => new { x.StationId, x.Timestamp });
        });

        // Blocks added later keep their tables beside their types.
        AccessModel.Configure(b);
        RemoteStartModel.Configure(b);
        ConfigurationKeyModel.Configure(b);
        SmartChargingModel.Configure(b);
        ReservationsModel.Configure(b);
        LocalListModel.Configure(b);
        Diagnostics.DiagnosticsModel.Configure(b);
        Firmware.FirmwareModel.Configure(b);
        Webhooks.WebhooksModel.Configure(b);
        Integration.CatalogStorage.Configure(b);
        Integration.FindingsModel.Configure(b);
        Tariffs.TariffStorage.Configure(b);
        Alarms.AlarmsModel.Configure(b);
        Notifications.NotificationsModel.Configure(b);
    }
}
