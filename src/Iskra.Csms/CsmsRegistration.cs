using Iskra.Csms.Access;
using Iskra.Csms.Alarms;
using Iskra.Csms.Alarms.Rules;
using Iskra.Csms.Authorization;
using Iskra.Csms.DataTransfer;
using Iskra.Csms.Diagnostics;
using Iskra.Csms.Events;
using Iskra.Csms.Files;
using Iskra.Csms.Firmware;
using Iskra.Csms.Integration;
using Iskra.Csms.Integration.Passive;
using Iskra.Csms.Jobs;
using Iskra.Csms.RemoteControl;
using Iskra.Csms.Reports;
using Iskra.Csms.Reservations;
using Iskra.Csms.Routing;
using Iskra.Csms.SmartCharging;
using Iskra.Csms.Stations;
using Iskra.Csms.Storage;
using Iskra.Csms.Telemetry;
using Iskra.Csms.Traffic;
using Iskra.Csms.Transactions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Iskra.Csms;

/// <summary>Registers the CSMS: storage, the block services, the router and the connection handler.</summary>
public static class CsmsRegistration
{
    public static IServiceCollection AddCsms(this IServiceCollection services, IConfiguration configuration, DatabaseOptions database)
    {
        services.Configure<CsmsOptions>(configuration.GetSection("Csms"));
        services.AddSingleton(TimeProvider.System);
        services.AddIskraStorage(database);
        services.AddSingleton<StationService>();
        services.AddSingleton<History.StationHistory>();
        services.AddSingleton<AuthorizationService>();
        services.AddSingleton<TransactionService>();
        services.AddSingleton<NoticeService>();
        services.AddSingleton<AdmissionGuard>();
        services.AddSingleton<AlarmBook>();
        services.AddSingleton<AlarmDesk>();
        services.AddSingleton<AlarmRulesJob>();
        services.AddSingleton<Alarms.Rules.StationPresence>();
        services.AddSingleton<ITimedAlarmRule, Alarms.Rules.StationOfflineRule>();
        services.AddSingleton<ITimedAlarmRule, Alarms.Rules.NoMeterValuesRule>();
        services.AddSingleton<ITimedAlarmRule, Alarms.Rules.SessionSuspendedRule>();
        services.AddSingleton<ITimedAlarmRule, Alarms.Rules.RemoteStartWithoutSessionRule>();
        services.AddSingleton<ITimedAlarmRule, Alarms.Rules.QuietAlarms>();
        services.AddSingleton<ClockSkewRule>();
        services.AddSingleton<ITimedAlarmRule>(sp => sp.GetRequiredService<ClockSkewRule>());
        services.AddSingleton<ConnectionRefusedRule>();
        services.AddSingleton<ITimedAlarmRule>(sp => sp.GetRequiredService<ConnectionRefusedRule>());
        services.AddSingleton<ITimedAlarmRule, FirmwareUpdateFailedRule>();
        services.AddSingleton<ITimedAlarmRule, LogUploadFailedRule>();
        services.AddSingleton<Notifications.OutboxSignal>();
        services.Configure<Notifications.OutboxOptions>(configuration.GetSection("Notifications"));
        services.AddSingleton<Notifications.Outbox>();
        services.AddSingleton<Notifications.OutboxDelivery>();
        services.AddSingleton<Notifications.OutboxRetention>();
        services.Configure<Notifications.NotificationOptions>(configuration.GetSection("Notifications"));
        services.Configure<Notifications.SmtpOptions>(configuration.GetSection("Notifications:Smtp"));
        services.AddSingleton<Notifications.AlarmNotifier>();
        services.AddSingleton<Notifications.DigestJob>();
        services.AddSingleton<Notifications.SubscriptionService>();
        services.AddSingleton<Notifications.EmailChannel>();
        services.AddSingleton<Notifications.IDeliveryChannel>(sp => sp.GetRequiredService<Notifications.EmailChannel>());
        services.Configure<AlarmOptions>(configuration.GetSection("Alarms"));
        services.AddSingleton<ConnectionAttemptLog>();
        services.AddSingleton<ConnectionAttemptRetention>();
        services.AddSingleton<ReportChains>();
        services.AddSingleton<DataTransferHandlers>();
        services.AddSingleton<IVendorCostDisplay, OcaCostDisplay>();
        services.AddSingleton<CostDisplays>();
        services.AddSingleton<StationPasswordHasher>();
        services.AddSingleton<IStationAdmission, StationAdmission>();
        services.AddSingleton(sp => new OcppRouter(V16Routes.Create(sp).Concat(V201Routes.Create(sp))));
        services.AddSingleton<StationClaims>();
        services.Configure<PassiveOptions>(configuration.GetSection("Passive"));
        services.AddSingleton<PassiveFindings>();
        services.AddHostedService<PassiveSweep>();
        services.AddSingleton<IStationConnectionHandler, StationConnections>();
        services.AddSingleton<CsmsEvents>();
        services.Configure<EventsOptions>(configuration.GetSection("Events"));
        services.AddSingleton<AdminAudit>();
        services.AddSingleton<ApiKeyService>();
        services.AddSingleton<ConfigurationStore>();
        services.AddSingleton<SmartChargingService>();
        services.AddSingleton<ReservationService>();
        services.AddSingleton<LocalListService>();
        services.AddSingleton(sp => new StationCommands(
            StationCommandCatalog.Create(sp), sp.GetRequiredService<IStationChannels>(), sp.GetRequiredService<StationClaims>(), sp.GetRequiredService<IDbContextFactory<IskraDbContext>>(),
            sp.GetRequiredService<CsmsEvents>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<StationCommands>>()));
        services.Configure<FilesOptions>(configuration.GetSection("Files"));
        services.AddSingleton<FileStore>();
        services.AddSingleton<FileLinks>();
        services.AddSingleton<UploadService>();
        services.AddSingleton<FirmwareRepository>();
        services.AddSingleton<FirmwareUpdates>();
        services.Configure<JobOptions>(configuration.GetSection("Jobs"));
        services.AddSingleton<TrafficRetention>();
        services.Configure<Tariffs.BillingOptions>(configuration.GetSection("Billing"));
        services.AddSingleton<Tariffs.TariffSelector>();
        services.AddSingleton<Tariffs.TariffService>();
        services.AddSingleton<Tariffs.SessionBilling>();
        services.AddSingleton<Tariffs.RunningCosts>();
        services.AddSingleton<CsmsMetrics>();
        services.AddSingleton<StationApproval>();
        services.AddOptions<CatalogOptions>().Bind(configuration.GetSection("Catalog"))
            .Validate(o => o.UnknownModelAnswer != RegistrationState.Accepted, "Catalog:UnknownModelAnswer must be Pending or Rejected.")
            .ValidateOnStart();
        services.AddSingleton<CatalogCache>();
        services.AddSingleton<CatalogService>();
        services.AddSingleton<CatalogEditor>();
        services.AddSingleton<CatalogBootGate>();
        services.AddSingleton<IModelAdmission>(sp => sp.GetRequiredService<CatalogBootGate>());
        services.AddHostedService(sp => sp.GetRequiredService<TrafficRetention>());
        services.AddHostedService(sp => sp.GetRequiredService<Tariffs.RunningCosts>());
        services.AddHostedService(sp => sp.GetRequiredService<AlarmRulesJob>());
        services.AddHostedService(sp => sp.GetRequiredService<Notifications.Outbox>());
        services.AddHostedService(sp => sp.GetRequiredService<Notifications.OutboxDelivery>());
        services.AddHostedService(sp => sp.GetRequiredService<Notifications.OutboxRetention>());
        services.AddHostedService(sp => sp.GetRequiredService<Notifications.AlarmNotifier>());
        services.AddHostedService(sp => sp.GetRequiredService<Notifications.DigestJob>());
        services.AddHostedService(sp => sp.GetRequiredService<ConnectionAttemptLog>());
        services.AddHostedService(sp => sp.GetRequiredService<ConnectionAttemptRetention>());
        return services;
    }
}
