using System.Globalization;
using Iskra.Simulator.Configuration;
using D = Iskra.Ocpp.V201.Messages.DataEnumType;
using M = Iskra.Ocpp.V201.Messages.MutabilityEnumType;

namespace Iskra.Simulator.V201.DeviceModelParts;

/// <summary>
/// The controller components of the simulated station: every variable the Core profile requires
/// (part 6 TC_B_xx_CS "Required Core components/variables", part 2 appendix 3), those of the
/// optional blocks it implements, and those that mean the same as a 1.6 key (docs/commands.md).
/// </summary>
internal static class ControllerVariables
{
    public const string Seconds = "s";
    private const string TimeSources = "Heartbeat,NTP,GPS,RealTimeClock,MobileNetwork,RadioTimeTransmitter";
    private const string TxPoints = "ParkingBayOccupancy,EVConnected,Authorized,PowerPathClosed,EnergyTransfer,DataSigned";

    public static void AddTo(VariableList list)
    {
        var station = list.Station;
        var measurands = string.Join(',', ConfigurationStore.Measurands);
        var itemsPerMessage = Number(station.Configuration.GetInt("GetConfigurationMaxKeys", 100));

        list.Live("AlignedDataCtrlr", "Enabled", D.Boolean, s => Bool(s.Configuration.GetInt("ClockAlignedDataInterval", 0) > 0));
        list.Fixed("AlignedDataCtrlr", "Available", D.Boolean, "true");
        list.Key("AlignedDataCtrlr", "Interval", "ClockAlignedDataInterval", D.Integer, unit: Seconds);
        list.Key("AlignedDataCtrlr", "Measurands", "MeterValuesAlignedData", D.MemberList, values: measurands);
        list.Setting("AlignedDataCtrlr", "TxEndedInterval", D.Integer, "0", unit: Seconds);
        list.Key("AlignedDataCtrlr", "TxEndedMeasurands", "StopTxnAlignedData", D.MemberList, values: measurands);

        list.Fixed("AuthCtrlr", "Enabled", D.Boolean, "true");
        list.Key("AuthCtrlr", "AuthorizeRemoteStart", "AuthorizeRemoteTxRequests", D.Boolean);
        list.Key("AuthCtrlr", "LocalAuthorizeOffline", "LocalAuthorizeOffline", D.Boolean);
        list.Key("AuthCtrlr", "LocalPreAuthorize", "LocalPreAuthorize", D.Boolean);
        list.Key("AuthCtrlr", "OfflineTxForUnknownIdEnabled", "AllowOfflineTxForUnknownId", D.Boolean);

        list.Key("AuthCacheCtrlr", "Enabled", "AuthorizationCacheEnabled", D.Boolean);
        list.Fixed("AuthCacheCtrlr", "Available", D.Boolean, "true");

        list.Live("ClockCtrlr", "DateTime", D.DateTime, s => Protocol.Payloads.Time(s.Now));
        list.Setting("ClockCtrlr", "TimeSource", D.SequenceList, "Heartbeat", values: TimeSources);

        list.Fixed("DeviceDataCtrlr", "BytesPerMessage", D.Integer, "65000", "GetReport");
        list.Fixed("DeviceDataCtrlr", "BytesPerMessage", D.Integer, "65000", "GetVariables");
        list.Fixed("DeviceDataCtrlr", "BytesPerMessage", D.Integer, "65000", "SetVariables");
        list.Setting("DeviceDataCtrlr", "ItemsPerMessage", D.Integer, "20", "GetReport", mutability: M.ReadOnly);
        list.Key("DeviceDataCtrlr", "ItemsPerMessage", "GetConfigurationMaxKeys", D.Integer, "GetVariables");
        list.Fixed("DeviceDataCtrlr", "ItemsPerMessage", D.Integer, itemsPerMessage, "SetVariables");

        list.Key("LocalAuthListCtrlr", "Enabled", "LocalAuthListEnabled", D.Boolean);
        list.Fixed("LocalAuthListCtrlr", "Available", D.Boolean, "true");
        list.Live("LocalAuthListCtrlr", "Entries", D.Integer, s => Number(s.Authorization.List.Count), maxLimit: station.Configuration.GetInt("LocalAuthListMaxLength", 1000));
        list.Key("LocalAuthListCtrlr", "ItemsPerMessage", "SendLocalListMaxLength", D.Integer);
        list.Fixed("LocalAuthListCtrlr", "BytesPerMessage", D.Integer, "65000");

        list.Fixed("MonitoringCtrlr", "Enabled", D.Boolean, "true");
        list.Fixed("MonitoringCtrlr", "Available", D.Boolean, "true");
        list.Fixed("MonitoringCtrlr", "BytesPerMessage", D.Integer, "65000", "SetVariableMonitoring");
        list.Fixed("MonitoringCtrlr", "ItemsPerMessage", D.Integer, itemsPerMessage, "SetVariableMonitoring");
        list.Fixed("MonitoringCtrlr", "ItemsPerMessage", D.Integer, itemsPerMessage, "ClearVariableMonitoring");
        list.Live("MonitoringCtrlr", "ActiveMonitoringBase", D.OptionList, s => s.DeviceModel.Monitors.Base.ToString(), values: "All,FactoryDefault,HardWiredOnly");
        list.Live("MonitoringCtrlr", "ActiveMonitoringLevel", D.Integer, s => Number(s.DeviceModel.Monitors.Level), maxLimit: 9);

        list.Fixed("OCPPCommCtrlr", "FileTransferProtocols", D.MemberList, "HTTP,HTTPS", values: "FTP,FTPS,HTTP,HTTPS,SFTP");
        list.Key("OCPPCommCtrlr", "HeartbeatInterval", "HeartbeatInterval", D.Integer, unit: Seconds);
        list.Fixed("OCPPCommCtrlr", "MessageTimeout", D.Integer, Number((int)station.Options.CallTimeout.TotalSeconds), "Default", Seconds);
        list.Key("OCPPCommCtrlr", "MessageAttemptInterval", "TransactionMessageRetryInterval", D.Integer, "TransactionEvent", Seconds);
        list.Key("OCPPCommCtrlr", "MessageAttempts", "TransactionMessageAttempts", D.Integer, "TransactionEvent");
        list.Setting("OCPPCommCtrlr", "NetworkConfigurationPriority", D.SequenceList, "1", values: "1,2,3");
        list.Setting("OCPPCommCtrlr", "NetworkProfileConnectionAttempts", D.Integer, "3");
        list.Setting("OCPPCommCtrlr", "OfflineThreshold", D.Integer, "60", unit: Seconds);
        list.Key("OCPPCommCtrlr", "ResetRetries", "ResetRetries", D.Integer);
        list.Key("OCPPCommCtrlr", "UnlockOnEVSideDisconnect", "UnlockConnectorOnEVSideDisconnect", D.Boolean);
        list.Key("OCPPCommCtrlr", "WebSocketPingInterval", "WebSocketPingInterval", D.Integer, unit: Seconds);

        list.Fixed("ReservationCtrlr", "Enabled", D.Boolean, "true");
        list.Fixed("ReservationCtrlr", "Available", D.Boolean, "true");
        list.Key("ReservationCtrlr", "NonEvseSpecific", "ReserveConnectorZeroSupported", D.Boolean);

        list.Fixed("SampledDataCtrlr", "Enabled", D.Boolean, "true");
        list.Fixed("SampledDataCtrlr", "Available", D.Boolean, "true");
        list.Setting("SampledDataCtrlr", "TxEndedInterval", D.Integer, "0", unit: Seconds);
        list.Key("SampledDataCtrlr", "TxEndedMeasurands", "StopTxnSampledData", D.MemberList, values: measurands);
        list.Setting("SampledDataCtrlr", "TxStartedMeasurands", D.MemberList, "Energy.Active.Import.Register", values: measurands);
        list.Key("SampledDataCtrlr", "TxUpdatedInterval", "MeterValueSampleInterval", D.Integer, unit: Seconds);
        list.Key("SampledDataCtrlr", "TxUpdatedMeasurands", "MeterValuesSampledData", D.MemberList, values: measurands);

        list.Setting("SecurityCtrlr", "BasicAuthPassword", D.String, "", mutability: M.WriteOnly);
        list.Fixed("SecurityCtrlr", "CertificateEntries", D.Integer, "0", maxLimit: 10);
        list.Setting("SecurityCtrlr", "OrganizationName", D.String, "Iskra Simulator");
        list.Fixed("SecurityCtrlr", "SecurityProfile", D.Integer, Number(SecurityProfile(station)));

        list.Fixed("SmartChargingCtrlr", "Enabled", D.Boolean, "true");
        list.Fixed("SmartChargingCtrlr", "Available", D.Boolean, "true");
        list.Fixed("SmartChargingCtrlr", "Entries", D.Integer, "0", "ChargingProfiles", maxLimit: station.Configuration.GetInt("MaxChargingProfilesInstalled", 10));
        list.Setting("SmartChargingCtrlr", "LimitChangeSignificance", D.Decimal, "1.0", unit: "Percent");
        list.Key("SmartChargingCtrlr", "PeriodsPerSchedule", "ChargingScheduleMaxPeriods", D.Integer);
        list.Key("SmartChargingCtrlr", "ProfileStackLevel", "ChargeProfileMaxStackLevel", D.Integer);
        list.Live("SmartChargingCtrlr", "RateUnit", D.MemberList, s => RateUnits(s.Configuration.GetList("ChargingScheduleAllowedChargingRateUnit")), values: "A,W");

        list.Key("TxCtrlr", "EVConnectionTimeOut", "ConnectionTimeOut", D.Integer, unit: Seconds);
        list.Key("TxCtrlr", "StopTxOnEVSideDisconnect", "StopTransactionOnEVSideDisconnect", D.Boolean);
        list.Key("TxCtrlr", "StopTxOnInvalidId", "StopTransactionOnInvalidId", D.Boolean);
        // The model starts a transaction when the driver is authorized and the EV plugged in, and ends it when either goes.
        list.Fixed("TxCtrlr", "TxStartPoint", D.MemberList, "PowerPathClosed", values: TxPoints);
        list.Fixed("TxCtrlr", "TxStopPoint", D.MemberList, "EVConnected,Authorized", values: TxPoints);
    }

    public static string Bool(bool value) => value ? "true" : "false";

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>2.0.1 A00: profile 3 with a client certificate, 2 over TLS, otherwise 1 (Basic auth).</summary>
    private static int SecurityProfile(Stations.SimStation station) =>
        station.Options.ClientCertificate is not null ? 3 : station.Options.CsmsUrl.Scheme == "wss" ? 2 : 1;

    private static string RateUnits(IReadOnlyList<string> units) =>
        string.Join(',', units.Select(u => u == "Current" ? "A" : u == "Power" ? "W" : u));
}
