using Iskra.Csms.Access;
using Iskra.Csms.Alarms;
using Iskra.Csms.Authorization;
using Iskra.Csms.Diagnostics;
using Iskra.Csms.Firmware;
using Iskra.Csms.Integration;
using Iskra.Csms.RemoteControl;
using Iskra.Csms.Reports;
using Iskra.Csms.Reservations;
using Iskra.Csms.SmartCharging;
using Iskra.Csms.Stations;
using Iskra.Csms.Traffic;
using Iskra.Csms.Transactions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Iskra.Csms.Storage;

/// <summary>The one database of a CSMS node. The model is in <see cref="IskraModel"/>; migrations live per provider.</summary>
public sealed class IskraDbContext(DbContextOptions<IskraDbContext> options) : DbContext(options)
{
    public DbSet<Station> Stations => Set<Station>();

    public DbSet<Connector> Connectors => Set<Connector>();

    public DbSet<StatusEvent> StatusEvents => Set<StatusEvent>();

    public DbSet<ConnectionAttempt> ConnectionAttempts => Set<ConnectionAttempt>();

    public DbSet<Alarm> Alarms => Set<Alarm>();

    public DbSet<AlarmSilence> AlarmSilences => Set<AlarmSilence>();

    public DbSet<BootRecord> Boots => Set<BootRecord>();

    public DbSet<StationConnectionRecord> Connections => Set<StationConnectionRecord>();

    public DbSet<Notifications.NotificationSubscription> NotificationSubscriptions => Set<Notifications.NotificationSubscription>();

    public DbSet<Notifications.OutboxMessage> Outbox => Set<Notifications.OutboxMessage>();

    public DbSet<Notifications.DeliveryAttempt> DeliveryAttempts => Set<Notifications.DeliveryAttempt>();

    public DbSet<Notifications.NotificationItem> NotificationItems => Set<Notifications.NotificationItem>();

    public DbSet<LabRunRecord> LabRuns => Set<LabRunRecord>();

    public DbSet<LabFrameRecord> LabFrames => Set<LabFrameRecord>();

    public DbSet<IdTag> IdTags => Set<IdTag>();

    public DbSet<ChargingTransaction> Transactions => Set<ChargingTransaction>();

    public DbSet<TransactionEventRecord> TransactionEvents => Set<TransactionEventRecord>();

    public DbSet<MeterValueRecord> MeterValues => Set<MeterValueRecord>();

    public DbSet<TrafficEntry> Traffic => Set<TrafficEntry>();

    public DbSet<StationNotice> Notices => Set<StationNotice>();

    public DbSet<DeviceModelVariable> DeviceModel => Set<DeviceModelVariable>();

    public DbSet<EventRecord> Events => Set<EventRecord>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<AuditEntry> Audit => Set<AuditEntry>();

    public DbSet<RemoteStart> RemoteStarts => Set<RemoteStart>();

    public DbSet<StationConfigurationKey> ConfigurationKeys => Set<StationConfigurationKey>();
    public DbSet<ChargingProfileRecord> ChargingProfiles => Set<ChargingProfileRecord>();

    public DbSet<Reservation> Reservations => Set<Reservation>();

    public DbSet<LocalList> LocalLists => Set<LocalList>();
    public DbSet<UploadRequest> UploadRequests => Set<UploadRequest>();

    public DbSet<StationFile> StationFiles => Set<StationFile>();

    public DbSet<FirmwareImage> FirmwareImages => Set<FirmwareImage>();

    public DbSet<FirmwareUpdate> FirmwareUpdates => Set<FirmwareUpdate>();

    public DbSet<FirmwareUpdateStatus> FirmwareUpdateStatuses => Set<FirmwareUpdateStatus>();
    public DbSet<Iskra.Csms.Webhooks.Webhook> Webhooks => Set<Iskra.Csms.Webhooks.Webhook>();

    public DbSet<CatalogModel> CatalogModels => Set<CatalogModel>();

    public DbSet<CatalogRun> CatalogRuns => Set<CatalogRun>();

    public DbSet<CatalogRunProfile> CatalogRunProfiles => Set<CatalogRunProfile>();

    public DbSet<CatalogNote> CatalogNotes => Set<CatalogNote>();

    public DbSet<StationFinding> Findings => Set<StationFinding>();

    public DbSet<Tariffs.Tariff> Tariffs => Set<Tariffs.Tariff>();

    public DbSet<Tariffs.TariffVersionRecord> TariffVersions => Set<Tariffs.TariffVersionRecord>();

    public DbSet<Tariffs.ChargeDetailRecord> Cdrs => Set<Tariffs.ChargeDetailRecord>();

    /// <summary>Set by the storage writer while it applies a batch to this context; null everywhere else.</summary>
    internal WriterBatch? Batch { get; set; }

    public override void Dispose()
    {
        Batch = null; // pooled: the next user of this instance is not the writer
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        Batch = null;
        return base.DisposeAsync();
    }

    /// <summary>Adds a traffic row: in a writer batch it is inserted in bulk at the commit, untracked.</summary>
    internal void Append(TrafficEntry entry)
    {
        if (Batch is { } batch)
        {
            batch.Traffic.Add(entry);
        }
        else
        {
            Traffic.Add(entry);
        }
    }

    /// <summary>Adds a meter value row: in a writer batch it is inserted in bulk at the commit, untracked.</summary>
    internal void Append(MeterValueRecord value)
    {
        if (Batch is { } batch)
        {
            batch.MeterValues.Add(value);
        }
        else
        {
            MeterValues.Add(value);
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name, so the database reads like the API.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        if (Database.IsSqlite())
        {
            // SQLite cannot order or compare DateTimeOffset text; store UTC ticks instead.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) => IskraModel.Configure(modelBuilder);
}
