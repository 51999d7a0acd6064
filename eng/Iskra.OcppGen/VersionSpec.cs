namespace Iskra.OcppGen;

/// <summary>What differs between the OCPP versions: folders, names, directions, 1.6 type names.</summary>
public sealed record VersionSpec(
    string SchemaFolder,
    string OutputFolder,
    string Prefix,
    string Display,
    bool RequestFilesHaveSuffix,
    bool DateTimeZoneOptional,
    IReadOnlySet<string> StationToCsms,
    IReadOnlyDictionary<string, string> InlineTypeNames)
{
    public string Namespace => $"Iskra.Ocpp.{Prefix}.Messages";

    public static IReadOnlyList<VersionSpec> All { get; } = [V16, V201];

    public static VersionSpec V16 => new(
        "ocpp1.6",
        "src/Iskra.Ocpp/V16/Messages",
        "V16",
        "1.6",
        RequestFilesHaveSuffix: false,
        // OCPP 1.6 stations often send timestamps without a zone; read them as UTC rather than reject them.
        DateTimeZoneOptional: true,
        Set(
            "Authorize", "BootNotification", "DiagnosticsStatusNotification", "FirmwareStatusNotification",
            "Heartbeat", "MeterValues", "StartTransaction", "StatusNotification", "StopTransaction",
            "SecurityEventNotification", "SignCertificate", "LogStatusNotification", "SignedFirmwareStatusNotification"),
        V16TypeNames.Table);

    public static VersionSpec V201 => new(
        "ocpp2.0.1",
        "src/Iskra.Ocpp/V201/Messages",
        "V201",
        "2.0.1",
        RequestFilesHaveSuffix: true,
        DateTimeZoneOptional: false,
        Set(
            "Authorize", "BootNotification", "ClearedChargingLimit", "FirmwareStatusNotification",
            "Get15118EVCertificate", "GetCertificateStatus", "Heartbeat", "LogStatusNotification", "MeterValues",
            "NotifyChargingLimit", "NotifyCustomerInformation", "NotifyDisplayMessages", "NotifyEVChargingNeeds",
            "NotifyEVChargingSchedule", "NotifyEvent", "NotifyMonitoringReport", "NotifyReport",
            "PublishFirmwareStatusNotification", "ReportChargingProfiles", "ReservationStatusUpdate",
            "SecurityEventNotification", "SignCertificate", "StatusNotification", "TransactionEvent"),
        new Dictionary<string, string>());

    /// <summary>DataTransfer may be called by either side in both versions.</summary>
    public string Direction(string action) =>
        action == "DataTransfer" ? "Both" : StationToCsms.Contains(action) ? "StationToCsms" : "CsmsToStation";

    private static HashSet<string> Set(params string[] names) => new(names, StringComparer.Ordinal);
}
